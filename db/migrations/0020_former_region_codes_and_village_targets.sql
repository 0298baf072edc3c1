-- Issue 12, two changes: (1) region codes that no longer exist but that NIKs still carry, (2) a programme's
-- per-village figure as a target to reach (village_target) besides the optional cap (village_quota).

-- (1) Former region codes ------------------------------------------------------------------------------------
-- A NIK keeps the region code it was issued under, for life. When a regency moves to a new province its code
-- changes, so a NIK can name a regency by a code that is no longer on the Kemendagri list: such a NIK is valid,
-- with a warning that names the region today (NikRules, nik.former_region_code). The former codes are data,
-- not code: one row per code, its successor a current code or another former code (a chain is followed to
-- the end). Only regency codes are listed: a NIK's kecamatan digits under a former regency are read under the
-- successor regency, and an unknown kecamatan there stays a warning (nik.district_unknown).
create table regions.former_region (
    code            text primary key,
    level           text not null check (level in ('province', 'regency', 'district')),
    -- The name the code had, as the Kemendagri list wrote it then.
    name            text not null,
    -- The day the code stopped naming the area: the day the law that moved it took effect. Dukcapil may have
    -- gone on issuing NIKs under the old code for a while, so the date informs and never rejects a NIK.
    valid_until     date not null,
    successor_code  text not null,
    -- Where the mapping comes from, so that a reviewer can check each row.
    source          text not null,
    constraint former_region_code_shape check (
        (level = 'province' and code ~ '^[0-9]{2}$' and successor_code ~ '^[0-9]{2}$') or
        (level = 'regency'  and code ~ '^[0-9]{2}\.[0-9]{2}$' and successor_code ~ '^[0-9]{2}\.[0-9]{2}$') or
        (level = 'district' and code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$' and successor_code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$')),
    constraint former_region_not_own_successor check (successor_code <> code)
);

comment on table regions.former_region is
    'Region codes no longer on the Kemendagri list that NIKs still carry, each with its successor (a current code or another former one).';

-- The 2022 Papua split. Each row pairs the code a regency had before with the code it has in idn-area-data 4.0.1
-- (data/regions/regencies.csv, the list the app loads), matched by the regency's name; the former codes are
-- read from the history of the same dataset (github.com/fityannugroho/idn-area-data):
--   * 91.xx: data/regencies.csv at commit 1f0d8f7 (2023-06-05, the data of Kepmendagri 050-145/2022 for 2021),
--     where these 20 regencies are still under 91 Papua; commit f3fbd7e (2023-06-20) moves them to 93, 94 and 95
--     "according to REF-2022-2" (Kepmendagri 100.1.1-6117/2022).
--   * 92.xx: data/regencies.csv at 013f1f6^, where these 6 are still under 92 Papua Barat; commit 013f1f6
--     (2024-01-06) moves them to 96 "based on REF-2022-3" (UU 29/2022).
-- The regencies are exactly those each law lists in its Pasal 3 (cakupan wilayah): UU 14/2022 Papua Selatan 4,
-- UU 15/2022 Papua Tengah 8, UU 16/2022 Papua Pegunungan 8, UU 29/2022 Papua Barat Daya 6; every one of the 26 was
-- found in both lists, so no former code is guessed. valid_until is the date each law was signed and promulgated
-- (it takes effect that day): 25 July 2022 for UU 14, 15 and 16; 8 December 2022 for UU 29.
-- Kecamatan: the split also re-numbered and renamed many kecamatan (e.g. 92.01.04 Beraur is 96.01.02 today, while
-- 96.01.04 is Seget). Comparing the same datasets, about 359 of the 594 former kecamatan codes under these regencies
-- name the same kecamatan under the successor regency; the others name another kecamatan or none. A former
-- kecamatan code is therefore read under the successor only to tell "known"/"unknown" (a warning either way),
-- and the NIK check does not name a kecamatan for a NIK under a former regency code.
insert into regions.former_region (code, level, name, valid_until, successor_code, source) values
    -- UU 14/2022, Provinsi Papua Selatan (93)
    ('91.01', 'regency', 'Kabupaten Merauke',            date '2022-07-25', '93.01', 'UU 14/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    ('91.16', 'regency', 'Kabupaten Boven Digoel',       date '2022-07-25', '93.02', 'UU 14/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    ('91.17', 'regency', 'Kabupaten Mappi',              date '2022-07-25', '93.03', 'UU 14/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    ('91.18', 'regency', 'Kabupaten Asmat',              date '2022-07-25', '93.04', 'UU 14/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    -- UU 15/2022, Provinsi Papua Tengah (94)
    ('91.04', 'regency', 'Kabupaten Nabire',             date '2022-07-25', '94.01', 'UU 15/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    ('91.07', 'regency', 'Kabupaten Puncak Jaya',        date '2022-07-25', '94.02', 'UU 15/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    ('91.08', 'regency', 'Kabupaten Paniai',             date '2022-07-25', '94.03', 'UU 15/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    ('91.09', 'regency', 'Kabupaten Mimika',             date '2022-07-25', '94.04', 'UU 15/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    ('91.25', 'regency', 'Kabupaten Puncak',             date '2022-07-25', '94.05', 'UU 15/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    ('91.26', 'regency', 'Kabupaten Dogiyai',            date '2022-07-25', '94.06', 'UU 15/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    ('91.27', 'regency', 'Kabupaten Intan Jaya',         date '2022-07-25', '94.07', 'UU 15/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    ('91.28', 'regency', 'Kabupaten Deiyai',             date '2022-07-25', '94.08', 'UU 15/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    -- UU 16/2022, Provinsi Papua Pegunungan (95)
    ('91.02', 'regency', 'Kabupaten Jayawijaya',         date '2022-07-25', '95.01', 'UU 16/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    ('91.12', 'regency', 'Kabupaten Pegunungan Bintang', date '2022-07-25', '95.02', 'UU 16/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    ('91.13', 'regency', 'Kabupaten Yahukimo',           date '2022-07-25', '95.03', 'UU 16/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    ('91.14', 'regency', 'Kabupaten Tolikara',           date '2022-07-25', '95.04', 'UU 16/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    ('91.21', 'regency', 'Kabupaten Mamberamo Tengah',   date '2022-07-25', '95.05', 'UU 16/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    ('91.22', 'regency', 'Kabupaten Yalimo',             date '2022-07-25', '95.06', 'UU 16/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    ('91.23', 'regency', 'Kabupaten Lanny Jaya',         date '2022-07-25', '95.07', 'UU 16/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    ('91.24', 'regency', 'Kabupaten Nduga',              date '2022-07-25', '95.08', 'UU 16/2022; idn-area-data 1f0d8f7 -> f3fbd7e'),
    -- UU 29/2022, Provinsi Papua Barat Daya (96)
    ('92.01', 'regency', 'Kabupaten Sorong',             date '2022-12-08', '96.01', 'UU 29/2022; idn-area-data 013f1f6^ -> 013f1f6'),
    ('92.04', 'regency', 'Kabupaten Sorong Selatan',     date '2022-12-08', '96.02', 'UU 29/2022; idn-area-data 013f1f6^ -> 013f1f6'),
    ('92.05', 'regency', 'Kabupaten Raja Ampat',         date '2022-12-08', '96.03', 'UU 29/2022; idn-area-data 013f1f6^ -> 013f1f6'),
    ('92.09', 'regency', 'Kabupaten Tambrauw',           date '2022-12-08', '96.04', 'UU 29/2022; idn-area-data 013f1f6^ -> 013f1f6'),
    ('92.10', 'regency', 'Kabupaten Maybrat',            date '2022-12-08', '96.05', 'UU 29/2022; idn-area-data 013f1f6^ -> 013f1f6'),
    ('92.71', 'regency', 'Kota Sorong',                  date '2022-12-08', '96.71', 'UU 29/2022; idn-area-data 013f1f6^ -> 013f1f6');

-- Each former code with the code its area has today, the chain of successors followed to its end (a code that
-- is not itself former). Depth is bounded so that a mistaken cycle ends instead of looping.
create view regions.former_region_current as
with recursive chain (code, successor_code, depth) as (
    select code, successor_code, 1 from regions.former_region
    union all
    select c.code, f.successor_code, c.depth + 1
      from chain c
      join regions.former_region f on f.code = c.successor_code
     where c.depth < 16
)
select c.code, c.successor_code as current_code
  from chain c
 where not exists (select 1 from regions.former_region f where f.code = c.successor_code);

-- The NIK rule codes, now with nik.former_region_code (a warning): the NIK's province+regency is a former code
-- whose successor exists. regency_known then means "known, today or formerly"; district_known is the kecamatan
-- read under the successor regency. Replaces the 0005 version (one more argument).
drop function registry.nik_check(text, date, date, text);
drop function registry.nik_issues(text, date, date, text, boolean, boolean);

create function registry.nik_issues(nik text, nik_birth date, declared_birth date, declared_sex text,
    regency_known boolean, district_known boolean, regency_former boolean) returns text[]
language sql immutable parallel safe as $$
    select case
        when nik is null or nik = '' then array['nik.required']
        when length(nik) <> 16 then array['nik.length']
        when nik !~ '^[0-9]{16}$' then array['nik.not_digits']
        else array_remove(array[
            case when not regency_known then 'nik.region_unknown' end,
            case when regency_known and regency_former then 'nik.former_region_code' end,
            case when regency_known and not district_known then 'nik.district_unknown' end,
            case when nik_birth is null then 'nik.date_invalid' end,
            case when substr(nik, 13, 4) = '0000' then 'nik.serial_zero' end,
            case when nik_birth <> declared_birth then 'nik.birthdate_mismatch' end,
            case when nik_birth is not null
                      and declared_sex <> case when substr(nik, 7, 2) >= '41' then 'F' else 'M' end
                 then 'nik.sex_mismatch' end
        ]::text[], null)
    end
$$;

-- The whole NIK check in SQL, regions looked up here; kept equal to NikRules.Check by a test.
create function registry.nik_check(nik text, today date, declared_birth date default null, declared_sex text default null)
returns text[] language sql stable parallel safe as $$
    with parts as (
        select substr(nik, 1, 2) || '.' || substr(nik, 3, 2) as regency, substr(nik, 5, 2) as district
         where nik ~ '^[0-9]{16}$'
    ),
    resolved as (
        select p.district, f.current_code is not null as former, coalesce(f.current_code, p.regency) as regency
          from parts p
          left join regions.former_region_current f on f.code = p.regency
    )
    select registry.nik_issues(nik, registry.nik_birth_date(nik, today), declared_birth, declared_sex,
        coalesce((select exists (select 1 from regions.region r where r.level = 'regency' and r.code = x.regency) from resolved x), false),
        coalesce((select exists (select 1 from regions.region r where r.level = 'district' and r.code = x.regency || '.' || x.district)
                    from resolved x), false),
        coalesce((select x.former from resolved x), false))
$$;

-- (2) "1 Desa 100 Pekerja Rentan" is a minimum -----------------------------------------------------------------
-- The per-village figure of the 1 Desa 100 programmes is a target each village should reach (100 vulnerable workers
-- protected per desa), not a cap. A programme now has both, each optional: village_target (a minimum to reach,
-- shown as the villages still below it) and village_quota (a cap on active enrolments per village, only where a
-- funder wants one; enrolment keeps enforcing it).
alter table programs.programme
    add column village_target integer check (village_target > 0),
    add constraint programme_quota_not_below_target
        check (village_quota is null or village_target is null or village_quota >= village_target);

comment on column programs.programme.village_target is
    'Participants each village of the programme should reach (a minimum, e.g. 100 in "1 Desa 100 Pekerja Rentan"); null: none.';
comment on column programs.programme.village_quota is
    'At most this many active enrolments per village (a cap a funder chose); null: no cap.';

-- What existing rows meant. Until now the form had one figure, "Kuota per desa", and the only programmes known to
-- have used it as a target are the 1 Desa 100 ones the demo seed creates (SeedDemoProgrammes: one Dana Desa programme
-- per desa of Kabupaten Lahat, named '1 Desa 100 Pekerja Rentan - Desa … 2026', village_quota 100). Those rows get
-- their 100 as village_target and lose the cap. Every other village_quota is left as a cap: a funder who typed it on
-- the form may have meant either, and keeping it as a cap is the reading enrolment has enforced so far.
-- Each moved row is audited as a system change (entity programme, before/after the two figures).
with moved as (
    update programs.programme
       set village_target = village_quota, village_quota = null, updated_at = now()
     where name like '1 Desa 100 Pekerja Rentan%' and village_quota = 100 and village_target is null
    returning id, region_code, regency_code
)
insert into access.audit_log (actor_kind, actor_name, action, entity, entity_id, region_code, regency_code, before, after)
select 'system', 'migration 0020', 'update', 'programme', m.id::text, m.region_code, m.regency_code,
       jsonb_build_object('villageQuota', 100, 'villageTarget', null),
       jsonb_build_object('villageQuota', null, 'villageTarget', 100)
  from moved m;
