-- Funders, funding programmes and enrolment. A programme pays contributions for enrolled workers for a
-- range of contribution months from one budget line; a worker can be funded by one programme per
-- month only, which programmes.funded_month enforces with its primary key.

-- A government (kabupaten/kota, provinsi, desa) or a company paying through CSR.
create table programs.funder (
    id            uuid primary key,
    name          text not null check (length(btrim(name)) between 3 and 150),
    kind          text not null check (kind in ('pemkab', 'pemkot', 'pemprov', 'pemdes', 'company')),
    region_code   text not null references regions.region (code),
    regency_code  text generated always as (case when length(region_code) >= 5 then left(region_code, 5) end) stored,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index funder_regency_idx on programs.funder (regency_code);

create table programs.programme (
    id                      uuid primary key,
    name                    text not null check (length(btrim(name)) between 3 and 200),
    funder_id               uuid not null references programs.funder (id),
    funding_source          text not null references programs.funding_source (code),
    fiscal_year             integer not null check (fiscal_year between 2015 and 2100),
    budget_ceiling          bigint not null check (budget_ceiling > 0),
    month_from              date not null check (extract(day from month_from) = 1),
    month_to                date not null check (extract(day from month_to) = 1),
    include_jht             boolean not null default false,
    income_basis            bigint,
    target_participants     integer not null check (target_participants > 0),
    village_quota           integer check (village_quota > 0),
    -- Eligibility: what a candidate must satisfy on enrolment; null means no limit.
    min_age                 integer check (min_age between 0 and 120),
    max_age                 integer check (max_age between 0 and 120),
    domicile_codes          text[] not null default '{}',
    occupation_codes        text[] not null default '{}',
    max_dtsen_decile        smallint check (max_dtsen_decile between 1 and 10),
    exclude_deceased        boolean not null default true,
    exclude_already_funded  boolean not null default true,
    cofunder_id             uuid references programs.funder (id),
    cofunder_share_percent  numeric(5, 2) check (cofunder_share_percent > 0 and cofunder_share_percent < 100),
    status                  text not null default 'draft' check (status in ('draft', 'active', 'closed')),
    -- Where the programme lives for scoping: the funder's region (a regency, or a village for village funds).
    region_code             text not null references regions.region (code),
    regency_code            text generated always as (case when length(region_code) >= 5 then left(region_code, 5) end) stored,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    constraint programme_months_ordered check (month_to >= month_from),
    constraint programme_ages_ordered check (min_age is null or max_age is null or max_age >= min_age),
    constraint programme_cofunding_complete check ((cofunder_id is null) = (cofunder_share_percent is null)),
    constraint programme_cofunder_other check (cofunder_id is distinct from funder_id),
    -- Self-paid contributions are the participant's own, never a programme's.
    constraint programme_not_self_paid check (funding_source <> 'SELF_PAID')
);
create index programme_regency_idx on programs.programme (regency_code, status);

-- One worker in one programme. Waiting enrolments hold no months and commit no money.
create table programs.enrollment (
    id                uuid primary key,
    programme_id      uuid not null references programs.programme (id),
    worker_id         uuid not null references registry.worker (id),
    village_code      text not null,
    regency_code      text not null,
    status            text not null check (status in ('active', 'waiting', 'ended')),
    month_from        date check (extract(day from month_from) = 1),
    month_to          date check (extract(day from month_to) = 1),
    committed_amount  bigint not null default 0 check (committed_amount >= 0),
    rate_version      text,
    waiting_since     timestamptz,
    ended_reason      text check (ended_reason in ('death', 'moved', 'wage_earner', 'withdrawn', 'other')),
    created_at        timestamptz not null,
    ended_at          timestamptz,
    constraint enrollment_active_has_months check (status <> 'active' or (month_from is not null and month_to is not null)),
    constraint enrollment_waiting_commits_nothing check (status <> 'waiting' or committed_amount = 0)
);
create unique index enrollment_current_key on programs.enrollment (programme_id, worker_id) where status in ('active', 'waiting');
create index enrollment_programme_idx on programs.enrollment (programme_id, status, village_code);
create index enrollment_worker_idx on programs.enrollment (worker_id);
create index enrollment_regency_idx on programs.enrollment (regency_code);

-- No double funding: one row per worker and contribution month, naming the programme that pays it.
create table programs.funded_month (
    worker_id      uuid not null references registry.worker (id),
    month          date not null check (extract(day from month) = 1),
    programme_id   uuid not null references programs.programme (id),
    enrollment_id  uuid not null references programs.enrollment (id),
    amount         bigint not null check (amount >= 0),
    rate_version   text not null,
    regency_code   text not null,
    primary key (worker_id, month)
);
create index funded_month_enrollment_idx on programs.funded_month (enrollment_id);
create index funded_month_programme_idx on programs.funded_month (programme_id, month);
