-- Kemendagri administrative areas, loaded from data/regions (idn-area-data 4.0.1, ODbL).
-- Codes are stored dotted (18.01.06.2001). Regions split and get re-coded, so an area carries the
-- period it is valid in and other tables refer to areas by code.
create extension if not exists pg_trgm;

create schema if not exists regions;

create table regions.region (
    code              text primary key,
    level             text not null check (level in ('province', 'regency', 'district', 'village')),
    parent_code       text references regions.region (code),
    name              text not null,
    -- Derived at load time so that the region pages and API answer without scanning villages.
    district_count    integer not null default 0,
    village_count     integer not null default 0,
    desa_count        integer not null default 0,
    kelurahan_count   integer not null default 0,
    valid_from        date not null default date '2025-01-01',
    valid_to          date,
    constraint region_code_shape check (
        (level = 'province' and code ~ '^[0-9]{2}$') or
        (level = 'regency'  and code ~ '^[0-9]{2}\.[0-9]{2}$') or
        (level = 'district' and code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$') or
        (level = 'village'  and code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$')),
    constraint region_parent_required check ((level = 'province') = (parent_code is null))
);

create index region_parent_idx on regions.region (parent_code, name);
create index region_code_prefix_idx on regions.region (code text_pattern_ops);
create index region_name_trgm_idx on regions.region using gin (lower(name) gin_trgm_ops);

-- Which dataset the table holds, so start-up loads it once and a new release is noticed.
create table regions.dataset (
    name        text primary key,
    version     text not null,
    checksum    text not null,
    loaded_at   timestamptz not null default now()
);
