-- Imported payment/contribution statements (from BPJS, one row per KPJ or NIK and contribution month): the import,
-- its uploaded bytes until the job ends, one verdict per row, and the refunds owed for self-paid months after a
-- participant's death.

-- DOMAIN: contributions may be prepaid 3, 6 or 12 months. A statement's payment date earlier than that before its
-- month is not a payment for that month. Regulated, so it is part of the versioned protection rule.
alter table billing.protection_rule
    add column max_prepay_months smallint not null default 12 check (max_prepay_months between 0 and 24);

create table billing.statement_import (
    job_id          uuid primary key references jobs.job (id),
    file_name       text not null check (length(file_name) between 1 and 255),
    file_sha256     text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
    file_size       bigint not null check (file_size >= 0),
    format          text not null check (format in ('csv', 'xlsx')),
    ignored_headers text[] not null default '{}',
    -- The creator's region: who may see the import.
    regency_code    text,
    region_code     text,
    created_at      timestamptz not null
);
create index statement_import_regency_idx on billing.statement_import (regency_code, created_at desc);

create table billing.statement_import_file (
    job_id  uuid primary key references billing.statement_import (job_id) on delete cascade,
    content bytea not null
);

-- One row per data row of the file. No foreign keys on purpose (written in one statement by the import job only).
-- worker_id, village_code and regency_code are set only for rows inside the importer's scope.
create table billing.statement_row (
    job_id           uuid not null,
    row_no           integer not null,
    verdict          text not null check (verdict in ('created', 'updated', 'unchanged', 'rejected', 'needs_review')),
    reasons          text[] not null default '{}',
    nik              text,
    kpj              text,
    month            date,
    amount           bigint,
    paid_on          date,
    source           text check (source in ('self_paid', 'programme')),
    reference        text,
    worker_id        uuid,
    village_code     text,
    regency_code     text,
    -- What an updated row replaced (the ledger month or the refund), for the audit trail.
    previous         jsonb,
    -- For statement.duplicate_in_file: the earlier row of the same worker and month.
    duplicate_of_row integer,
    -- The cells as read, for rejected and needs_review rows (the error workbook gives them back).
    cells            text[],
    primary key (job_id, row_no)
);
create index statement_row_attention_idx on billing.statement_row (job_id, row_no) where verdict in ('rejected', 'needs_review');

-- DOMAIN: contributions paid for months after a participant's death are refunded to the payer. A self-paid month
-- after the death month never enters the protection ledger; it is owed back here until someone marks it refunded.
create table billing.self_paid_refund (
    worker_id        uuid not null references registry.worker (id),
    month            date not null check (extract(day from month) = 1),
    amount           bigint not null check (amount > 0),
    paid_on          date not null,
    kpj              text check (kpj ~ '^[0-9]{11}$'),
    reference        text,
    death_date       date not null,
    status           text not null default 'owed' check (status in ('owed', 'refunded')),
    statement_job_id uuid not null references billing.statement_import (job_id),
    village_code     text not null,
    regency_code     text not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    primary key (worker_id, month),
    constraint self_paid_refund_after_death check (month > date_trunc('month', death_date)::date)
);
create index self_paid_refund_regency_idx on billing.self_paid_refund (regency_code, status);
