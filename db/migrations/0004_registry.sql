-- The worker registry: one row per person, NIK unique nationwide.
create schema if not exists registry;

-- A maintained list; sector drives rules such as the PP 50/2025 transport-worker discount period.
create table registry.occupation (
    code        text primary key check (code ~ '^[a-z_]{3,40}$'),
    name        text not null,
    sector      text not null default 'general' check (sector in ('general', 'transport', 'agriculture', 'fishery', 'community')),
    sort_order  integer not null default 100,
    is_active   boolean not null default true
);

insert into registry.occupation (code, name, sector, sort_order) values
    ('petani', 'Petani', 'agriculture', 10),
    ('pekebun', 'Pekebun', 'agriculture', 20),
    ('nelayan', 'Nelayan', 'fishery', 30),
    ('peternak', 'Peternak', 'agriculture', 40),
    ('buruh_harian_lepas', 'Buruh harian lepas', 'general', 50),
    ('pedagang_kaki_lima', 'Pedagang kaki lima', 'general', 60),
    ('ojek_pengemudi', 'Ojek / pengemudi', 'transport', 70),
    ('tukang', 'Tukang', 'general', 80),
    ('pekerja_rumah_tangga', 'Pekerja rumah tangga', 'general', 90),
    ('ketua_rt', 'Ketua RT', 'community', 100),
    ('ketua_rw', 'Ketua RW', 'community', 110),
    ('marbot', 'Marbot / penjaga rumah ibadah', 'community', 120),
    ('guru_ngaji', 'Guru ngaji', 'community', 130),
    ('kader_posyandu', 'Kader posyandu', 'community', 140),
    ('linmas', 'Linmas', 'community', 150),
    ('pekerja_non_asn', 'Pekerja non-ASN', 'general', 160),
    ('lainnya', 'Lainnya', 'general', 999);

-- Lower case, letters and digits only, single spaces, common honorifics dropped: "H. Muh. Ali,  S.Pd" and
-- "muh ali" compare equal for duplicate detection. Immutable so it can back a generated column and an index.
create function registry.normalize_name(name text) returns text
language sql immutable parallel safe as $$
    select btrim(regexp_replace(
             regexp_replace(
               regexp_replace(lower(coalesce(name, '')), '[^a-z0-9 ]+', ' ', 'g'),
               '(^| )(h|hj|hajjah|haji|drs|dra|ir|dr|s ?pd|s ?e|s ?h|s ?kom|s ?ag|amd|bin|binti)( |$)', ' ', 'g'),
             ' +', ' ', 'g'))
$$;

create table registry.worker (
    id              uuid primary key,
    nik             text not null check (nik ~ '^[0-9]{16}$'),
    kk              text check (kk ~ '^[0-9]{16}$'),
    full_name       text not null check (length(btrim(full_name)) between 2 and 150),
    name_key        text not null generated always as (registry.normalize_name(full_name)) stored,
    birth_place     text check (length(birth_place) <= 100),
    birth_date      date not null,
    sex             text not null check (sex in ('M', 'F')),
    village_code    text not null references regions.region (code),
    -- Derived from the village so scope filters and partitions need no join.
    district_code   text not null generated always as (left(village_code, 8)) stored,
    regency_code    text not null generated always as (left(village_code, 5)) stored,
    province_code   text not null generated always as (left(village_code, 2)) stored,
    address         text check (length(address) <= 300),
    rt              text check (rt ~ '^[0-9]{1,3}$'),
    rw              text check (rw ~ '^[0-9]{1,3}$'),
    phone           text check (phone ~ '^\+?[0-9]{8,15}$'),
    occupation_code text not null references registry.occupation (code),
    monthly_income  bigint check (monthly_income >= 0),
    dtsen_decile    smallint check (dtsen_decile between 1 and 10),
    status          text not null default 'alive' check (status in ('alive', 'deceased')),
    death_date      date,
    -- NIK rule warnings (birth date or sex disagreeing with the NIK, unknown district) kept for review.
    nik_warnings    text[] not null default '{}',
    merged_into     uuid references registry.worker (id),
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint worker_death_consistent check ((status = 'deceased') = (death_date is not null)),
    constraint worker_not_merged_into_self check (merged_into is distinct from id)
);
create unique index worker_nik_key on registry.worker (nik);
create index worker_regency_idx on registry.worker (regency_code, village_code);
create index worker_kk_idx on registry.worker (kk) where kk is not null;
create index worker_name_birth_idx on registry.worker (regency_code, name_key, birth_date);
create index worker_name_trgm_idx on registry.worker using gin (name_key gin_trgm_ops);
create index worker_occupation_idx on registry.worker (regency_code, occupation_code);

-- Likely duplicates for an operator to merge or dismiss, with the evidence that raised them.
create table registry.duplicate_candidate (
    id              uuid primary key,
    worker_id       uuid not null references registry.worker (id),
    other_worker_id uuid not null references registry.worker (id),
    reason          text not null check (reason in ('same_name_birth_date', 'same_kk_name', 'nik_one_digit_apart')),
    evidence        jsonb not null default '{}',
    status          text not null default 'open' check (status in ('open', 'merged', 'dismissed')),
    regency_code    text not null,
    region_code     text not null,
    created_at      timestamptz not null,
    resolved_at     timestamptz,
    resolved_by     uuid,
    resolution_note text,
    constraint duplicate_pair_ordered check (worker_id < other_worker_id),
    constraint duplicate_resolution check ((status = 'open') = (resolved_at is null))
);
create unique index duplicate_candidate_pair_key on registry.duplicate_candidate (worker_id, other_worker_id, reason);
create index duplicate_candidate_open_idx on registry.duplicate_candidate (regency_code, created_at) where status = 'open';
