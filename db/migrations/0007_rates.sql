-- Contribution rates for BPU (non-wage-earner) participants, as data with effective periods: the code
-- computes with whatever rows are in force for a contribution month and names the versions it used.
-- Months are stored as the first day of the month; effective_to is the first day of the last month in force
-- (inclusive), null while the rule still applies.
create schema if not exists programs;

create table programs.contribution_rate (
    version         text primary key,
    component       text not null check (component in ('JKK', 'JKM', 'JHT')),
    kind            text not null check (kind in ('percent_of_basis', 'flat')),
    -- A percentage (1 = 1% of the income basis) or a flat amount in rupiah per month.
    value           numeric(14, 4) not null check (value >= 0),
    effective_from  date not null check (extract(day from effective_from) = 1),
    effective_to    date check (extract(day from effective_to) = 1 and effective_to >= effective_from),
    regulation      text not null,
    note            text
);

create index contribution_rate_component_idx on programs.contribution_rate (component, effective_from);

insert into programs.contribution_rate (version, component, kind, value, effective_from, regulation, note) values
    ('JKK@2015-07', 'JKK', 'percent_of_basis', 1, date '2015-07-01', 'PP 44/2015 as amended',
     'BPU work-accident contribution: 1% of the chosen monthly income basis (Rp10,000 on the minimum basis).'),
    ('JKM@2015-07', 'JKM', 'flat', 6800, date '2015-07-01', 'PP 44/2015 as amended',
     'BPU death contribution: Rp6,800 per month whatever the income basis.'),
    ('JHT@2015-07', 'JHT', 'percent_of_basis', 2, date '2015-07-01', 'PP 46/2015 as amended',
     'Optional for BPU: old-age savings, 2% of the income basis.');

-- The nominal monthly income a BPU participant may declare as the basis for percentage rates.
create table programs.income_basis_limit (
    version         text primary key,
    min_basis       bigint not null check (min_basis > 0),
    max_basis       bigint not null check (max_basis >= min_basis),
    effective_from  date not null check (extract(day from effective_from) = 1),
    effective_to    date check (extract(day from effective_to) = 1 and effective_to >= effective_from),
    regulation      text not null
);

insert into programs.income_basis_limit (version, min_basis, max_basis, effective_from, regulation) values
    ('BASIS@2015-07', 1000000, 20700000, date '2015-07-01', 'PP 44/2015 as amended (BPU income table)');

-- Temporary discounts on some components for some contribution months; sector null means every sector.
create table programs.contribution_discount (
    version         text primary key,
    name            text not null,
    components      text[] not null check (components <@ array['JKK', 'JKM', 'JHT'] and cardinality(components) > 0),
    percent         numeric(5, 2) not null check (percent > 0 and percent <= 100),
    sector          text check (sector in ('general', 'transport', 'agriculture', 'fishery', 'community')),
    month_from      date not null check (extract(day from month_from) = 1),
    month_to        date not null check (extract(day from month_to) = 1 and month_to >= month_from),
    regulation      text not null
);

-- PP 50/2025 (22 Dec 2025): 50% off JKK and JKM for BPU, benefits unchanged; transport workers get a longer
-- period. Contributions paid from APBN/APBD are excluded: that is decided per funding source below.
insert into programs.contribution_discount (version, name, components, percent, sector, month_from, month_to, regulation) values
    ('PP50/2025', 'PP 50/2025', array['JKK', 'JKM'], 50, null, date '2026-04-01', date '2026-12-01', 'PP 50/2025'),
    ('PP50/2025-transport', 'PP 50/2025', array['JKK', 'JKM'], 50, 'transport', date '2026-01-01', date '2027-03-01', 'PP 50/2025');

-- Who pays, and whether contribution discounts apply to money from that source.
create table programs.funding_source (
    code                 text primary key check (code in
                             ('APBD', 'APBD_P', 'APBDES_ADD', 'DANA_DESA', 'DBH_CHT', 'CSR', 'OTHER', 'SELF_PAID')),
    name                 text not null,
    discount_applies     boolean not null,
    -- Set where discount_applies is a guess rather than the regulation's text, so the operator sees it.
    discount_assumption  text
);

insert into programs.funding_source (code, name, discount_applies, discount_assumption) values
    ('APBD', 'APBD kabupaten/kota/provinsi', false, null),
    ('APBD_P', 'APBD Perubahan', false, null),
    ('DBH_CHT', 'Dana Bagi Hasil Cukai Hasil Tembakau (via APBD)', false, null),
    ('APBDES_ADD', 'APBDes dari Alokasi Dana Desa', false,
     'Unconfirmed assumption: treated as public budget (like APBD), so PP 50/2025 discounts are not applied.'),
    ('DANA_DESA', 'Dana Desa', false,
     'Unconfirmed assumption: treated as public budget (like APBD), so PP 50/2025 discounts are not applied.'),
    ('CSR', 'Corporate social responsibility', false,
     'Unconfirmed assumption: discounts not applied until BPJS confirms CSR-funded contributions qualify.'),
    ('OTHER', 'Sumber lain', false,
     'Unconfirmed assumption: discounts not applied until the source is confirmed to be outside APBN/APBD.'),
    ('SELF_PAID', 'Mandiri (dibayar peserta)', true, null);
