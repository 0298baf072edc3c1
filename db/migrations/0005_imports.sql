-- Bulk worker imports (CSV/xlsx). A file is staged, validated and merged by a background job
-- (jobs.job, kind 'registry.import_workers'); this schema keeps what the operator needs afterwards:
-- the file's identity, a verdict with reasons for every row, and the upload itself until the job ends.

create table registry.worker_import (
    job_id          uuid primary key references jobs.job (id),
    file_name       text not null check (length(file_name) between 1 and 255),
    file_sha256     text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
    file_size       bigint not null check (file_size >= 0),
    format          text not null check (format in ('csv', 'xlsx')),
    -- Village given with the upload (or the desa operator's own) for rows that leave Kode Desa empty.
    default_village text references regions.region (code),
    -- Headers of the file that map to no column; reported, never an error.
    ignored_headers text[] not null default '{}',
    regency_code    text,
    region_code     text,
    created_at      timestamptz not null
);
create index worker_import_regency_idx on registry.worker_import (regency_code, created_at desc);

-- The uploaded bytes, kept only until the job has finished (succeeded or failed for good).
create table registry.worker_import_file (
    job_id  uuid primary key references registry.worker_import (job_id) on delete cascade,
    content bytea not null
);

-- One row per data row of the file: the detailed trail of an import. No foreign keys on purpose:
-- a million rows are written in one statement and a per-row constraint trigger would double its cost;
-- rows are only ever written by the import job for its own worker_import.
create table registry.worker_import_row (
    job_id           uuid not null,
    row_no           integer not null,
    verdict          text not null check (verdict in ('created', 'updated', 'unchanged', 'rejected', 'needs_review')),
    reasons          text[] not null default '{}',
    nik              text,
    full_name        text,
    village_code     text,
    worker_id        uuid,
    -- For import.duplicate_in_file and worker.possible_duplicate found inside the file: the earlier row.
    duplicate_of_row integer,
    -- The row's cells as read (canonical column order), kept for rejected and needs_review rows so the
    -- error workbook can give them back to the operator to fix.
    cells            text[],
    primary key (job_id, row_no)
);
create index worker_import_row_attention_idx on registry.worker_import_row (job_id, row_no)
    where verdict in ('rejected', 'needs_review');

create function registry.nik_resolve_birth_date(encoded_day integer, month integer, year_of_century integer, today date)
returns date language plpgsql immutable parallel safe as $$
declare
    day integer := case when encoded_day between 1 and 31 then encoded_day
                        when encoded_day between 41 and 71 then encoded_day - 40 else 0 end;
    this_year integer := extract(year from today)::integer;
    year integer := this_year - this_year % 100 + year_of_century;
    last_day integer;
    candidate date;
begin
    if day = 0 or month not between 1 and 12 then
        return null;
    end if;
    if year > this_year then
        year := year - 100;
    end if;
    -- Two centuries are enough: anything earlier is over the age limit anyway. Plain arithmetic rather
    -- than date functions: this runs once per row of a million-row import.
    for c in 0..1 loop
        last_day := case when month = 2 then case when year % 4 = 0 and (year % 100 <> 0 or year % 400 = 0) then 29 else 28 end
                         when month in (4, 6, 9, 11) then 30 else 31 end;
        if day <= last_day then
            candidate := make_date(year, month, day);
            if candidate <= today then
                -- Older than 100 years (a 101st birthday reached) is not a plausible living person.
                return case when (candidate + interval '101 years')::date > today then candidate end;
            end if;
        end if;
        year := year - 100;
    end loop;
    return null;
end;
$$;

-- The birth date a NIK encodes (digits 7-12, 40 added to the day for women), or null when it is not a
-- valid date. Mirrors Payung.Shared.NikRules: the most recent century in which the date exists and is
-- not after today, and nobody older than 100 years.
create function registry.nik_birth_date(nik text, today date) returns date
language sql immutable parallel safe as $$
    select case when nik ~ '^[0-9]{16}$' then registry.nik_resolve_birth_date(
        substr(nik, 7, 2)::integer, substr(nik, 9, 2)::integer, substr(nik, 11, 2)::integer, today) end
$$;

-- The NIK rule codes of Payung.Shared.NikRules for one NIK, given what the caller already knows:
-- whether its province+regency and district exist, and the declared birth date and sex (M/F).
-- Errors: nik.required, nik.length, nik.not_digits, nik.region_unknown, nik.date_invalid,
-- nik.serial_zero. Warnings: nik.district_unknown, nik.birthdate_mismatch, nik.sex_mismatch.
create function registry.nik_issues(nik text, nik_birth date, declared_birth date, declared_sex text,
    regency_known boolean, district_known boolean) returns text[]
language sql immutable parallel safe as $$
    select case
        when nik is null or nik = '' then array['nik.required']
        when length(nik) <> 16 then array['nik.length']
        when nik !~ '^[0-9]{16}$' then array['nik.not_digits']
        else array_remove(array[
            case when not regency_known then 'nik.region_unknown' end,
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

-- The whole NIK check in SQL, regions looked up here; the bulk import joins the regions itself and calls
-- nik_issues directly. Kept equal to NikRules.Check by a test.
create function registry.nik_check(nik text, today date, declared_birth date default null, declared_sex text default null)
returns text[] language sql stable parallel safe as $$
    select registry.nik_issues(nik, registry.nik_birth_date(nik, today), declared_birth, declared_sex,
        nik ~ '^[0-9]{16}$' and exists (select 1 from regions.region r where r.level = 'regency'
            and r.code = substr(nik, 1, 2) || '.' || substr(nik, 3, 2)),
        nik ~ '^[0-9]{16}$' and exists (select 1 from regions.region r where r.level = 'district'
            and r.code = substr(nik, 1, 2) || '.' || substr(nik, 3, 2) || '.' || substr(nik, 5, 2)))
$$;

-- Time-ordered ids (UUID version 7, RFC 9562) like Guid.CreateVersion7 in the application, so a bulk
-- insert appends to the primary-key index instead of scattering over it. PostgreSQL 18 has uuidv7().
create function registry.uuid_v7(at timestamptz) returns uuid
language sql volatile parallel safe as $$
    select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
        placing substring(int8send(floor(extract(epoch from at) * 1000)::bigint) from 3) from 1 for 6),
        52, 1), 53, 1), 'hex')::uuid
$$;
