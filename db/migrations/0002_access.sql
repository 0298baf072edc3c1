-- Access: people and machines, the regions they may see, and the append-only audit trail.
create schema if not exists access;

-- A BPJS Ketenagakerjaan branch (kantor cabang) serves a set of regencies.
create table access.bpjs_branch (
    code        text primary key check (code ~ '^[A-Z0-9_-]{2,20}$'),
    name        text not null
);

create table access.bpjs_branch_regency (
    branch_code   text not null references access.bpjs_branch (code),
    regency_code  text not null references regions.region (code),
    primary key (branch_code, regency_code)
);

-- Roles and what scope each must carry are enforced here as well as in code, so a hand-made row
-- cannot create a user who sees more than its role allows.
create table access.app_user (
    id                uuid primary key,
    username          text not null,
    display_name      text not null,
    role              text not null check (role in ('national_admin', 'province_viewer', 'disnaker_operator',
                          'kecamatan_operator', 'desa_operator', 'bpjs_officer', 'executive_viewer')),
    scope_code        text references regions.region (code),
    branch_code       text references access.bpjs_branch (code),
    -- Denormalised from scope_code so scoped queries filter on the regency (the future distribution column).
    regency_code      text,
    password_hash     text not null,
    is_active         boolean not null default true,
    failed_sign_ins   integer not null default 0,
    locked_until      timestamptz,
    last_sign_in_at   timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    constraint app_user_username_shape check (username ~ '^[a-z0-9._-]{3,40}$'),
    constraint app_user_scope_fits_role check (
        (role = 'national_admin' and scope_code is null and branch_code is null) or
        (role = 'province_viewer' and scope_code ~ '^[0-9]{2}$' and branch_code is null) or
        (role in ('disnaker_operator', 'executive_viewer') and scope_code ~ '^[0-9]{2}\.[0-9]{2}$' and branch_code is null) or
        (role = 'kecamatan_operator' and scope_code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$' and branch_code is null) or
        (role = 'desa_operator' and scope_code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$' and branch_code is null) or
        (role = 'bpjs_officer' and scope_code is null and branch_code is not null)),
    constraint app_user_regency_matches check (
        regency_code is not distinct from (case when length(scope_code) >= 5 then left(scope_code, 5) end))
);
create unique index app_user_username_key on access.app_user (username);
create index app_user_regency_idx on access.app_user (regency_code);

-- Machine access. Only a SHA-256 of the secret is kept; the key is shown once when created.
create table access.api_key (
    id            uuid primary key,
    name          text not null check (length(name) between 3 and 100),
    prefix        text not null unique check (prefix ~ '^[a-z0-9]{8}$'),
    secret_hash   text not null,
    role          text not null check (role in ('national_admin', 'province_viewer', 'disnaker_operator',
                      'kecamatan_operator', 'desa_operator', 'bpjs_officer', 'executive_viewer')),
    scope_code    text references regions.region (code),
    branch_code   text references access.bpjs_branch (code),
    regency_code  text,
    created_by    uuid not null references access.app_user (id),
    created_at    timestamptz not null,
    revoked_at    timestamptz,
    last_used_at  timestamptz,
    constraint api_key_regency_matches check (
        regency_code is not distinct from (case when length(scope_code) >= 5 then left(scope_code, 5) end))
);
create index api_key_regency_idx on access.api_key (regency_code);

-- Every change of business data, written in the same transaction as the change itself.
create table access.audit_log (
    id            bigint generated always as identity primary key,
    occurred_at   timestamptz not null default now(),
    actor_kind    text not null check (actor_kind in ('user', 'api_key', 'system', 'anonymous')),
    actor_id      uuid,
    actor_name    text not null,
    remote_ip     text,
    action        text not null check (action in ('create', 'update', 'delete', 'view', 'export', 'sign_in', 'sign_in_failed', 'sign_out')),
    entity        text not null,
    entity_id     text not null,
    region_code   text,
    regency_code  text,
    before        jsonb,
    after         jsonb
);
create index audit_log_entity_idx on access.audit_log (entity, entity_id);
create index audit_log_regency_time_idx on access.audit_log (regency_code, occurred_at desc);
create index audit_log_time_idx on access.audit_log (occurred_at desc);
create index audit_log_actor_idx on access.audit_log (actor_id, occurred_at desc);

-- Append-only: the database itself refuses to rewrite history, whoever asks.
create function access.refuse_audit_change() returns trigger language plpgsql as $$
begin
    raise exception 'access.audit_log is append-only (% refused)', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_append_only
    before update or delete on access.audit_log
    for each row execute function access.refuse_audit_change();
create trigger audit_log_no_truncate
    before truncate on access.audit_log
    for each statement execute function access.refuse_audit_change();
