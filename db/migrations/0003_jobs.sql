-- Persisted background jobs (imports, billing runs, exports): picked with FOR UPDATE SKIP LOCKED,
-- held by a lease that a crashed worker stops renewing, so another worker restarts the job.
create schema if not exists jobs;

create table jobs.job (
    id              uuid primary key,
    kind            text not null,
    status          text not null default 'queued'
                        check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    payload         jsonb not null default '{}',
    result          jsonb,
    error_code      text,
    error_message   text,
    stage           text,
    progress        bigint not null default 0,
    total           bigint,
    attempts        integer not null default 0,
    max_attempts    integer not null default 3,
    lease_owner     text,
    lease_until     timestamptz,
    created_by      uuid,
    created_by_name text not null,
    regency_code    text,
    region_code     text,
    created_at      timestamptz not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz
);
create index job_ready_idx on jobs.job (created_at) where status in ('queued', 'running');
create index job_regency_idx on jobs.job (regency_code, created_at desc);
