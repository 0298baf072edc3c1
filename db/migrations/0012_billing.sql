-- Billing: monthly bills per programme, payments and their allocation, the protection ledger (one row per worker and
-- contribution month, programme-funded or self-paid), the rules that decide protection, and the notification
-- outbox used by the hand-over to self-paid contributions.
create schema if not exists billing;

-- What Billing may read of Programs (ARCHITECTURE: code never queries another module's tables): the months each
-- programme funds, with the enrolment's village and the programme's status, and the programme facts bills need.
create view programs.billable_month as
select fm.worker_id, fm.month, fm.programme_id, fm.enrollment_id, fm.amount, fm.jkk_amount, fm.jkm_amount, fm.jht_amount,
       fm.rate_version, fm.regency_code, e.village_code, e.month_to as enrollment_month_to, e.status as enrollment_status
  from programs.funded_month fm
  join programs.enrollment e on e.id = fm.enrollment_id;

create view programs.programme_billing as
select p.id, p.name, p.funder_id, f.name as funder_name, p.funding_source, p.budget_ceiling, p.month_from, p.month_to,
       p.status, p.region_code, p.regency_code, p.cofunder_id, p.cofunder_share_percent,
       (select coalesce(sum(e.committed_amount), 0)::bigint from programs.enrollment e where e.programme_id = p.id) as committed
  from programs.programme p
  join programs.funder f on f.id = p.funder_id;

-- What Billing may read of the registry: identity, contact and life status (the registry's contract view).
create view registry.worker_identity as
select w.id, w.nik, w.full_name, w.phone, w.village_code, w.district_code, w.regency_code, w.status, w.death_date, w.merged_into
  from registry.worker w;

-- The rules that decide whether a paid or unpaid month protects the worker (DOMAIN: due by the 15th of the month
-- itself; three consecutive unpaid months make the membership inactive; how an unpaid month inside that window
-- counts is unclear, so it is a setting, default "not protected"). Versioned by effective month like the rates.
create table billing.protection_rule (
    version                  text primary key,
    effective_from           date not null check (extract(day from effective_from) = 1),
    effective_to             date check (extract(day from effective_to) = 1 and effective_to >= effective_from),
    due_day                  smallint not null check (due_day between 1 and 28),
    lapse_months             smallint not null check (lapse_months between 1 and 24),
    arrears_month_protected  boolean not null default false,
    regulation               text not null,
    note                     text
);

insert into billing.protection_rule (version, effective_from, due_day, lapse_months, arrears_month_protected, regulation, note) values
    ('PROTECTION@2015-07', date '2015-07-01', 15, 3, false, 'PP 44/2015 as amended; Permenaker 5/2021',
     'Due by the 15th of the contribution month; membership inactive after 3 consecutive unpaid months. '
     'Unpaid months inside the 3-month window count as not protected (setting, unconfirmed).');

-- House settings an administrator may change (not regulated numbers).
create table billing.setting (
    key          text primary key,
    value        text not null,
    description  text not null,
    updated_at   timestamptz not null default now()
);

insert into billing.setting (key, value, description) values
    ('handover_notice_days', '30', 'Berapa hari sebelum program berakhir peserta diberi tahu untuk melanjutkan iuran secara mandiri.'),
    ('reminder_after_unpaid_months', '1', 'Pengingat iuran mandiri dikirim setelah sekian bulan belum dibayar (sebelum kepesertaan nonaktif).'),
    ('self_paid_payment_instructions', 'Bayar melalui kantor cabang BPJS Ketenagakerjaan, kantor pos, agen Perisai, atau aplikasi JMO paling lambat tanggal 15 setiap bulan.',
     'Cara membayar iuran mandiri yang disebut dalam pesan kepada peserta.');

-- One issued bill per programme, contribution month and sequence: sequence 0 is the month's regular bill, later
-- sequences are adjustment bills for enrolments and endings after issue. Issued bills and their lines never change.
create table billing.bill (
    id             uuid primary key,
    number         text not null unique,
    programme_id   uuid not null references programs.programme (id),
    month          date not null check (extract(day from month) = 1),
    sequence       integer not null check (sequence >= 0),
    kind           text not null check (kind in ('regular', 'adjustment')),
    funder_id      uuid not null references programs.funder (id),
    region_code    text not null,
    regency_code   text,
    total          bigint not null,
    line_count     integer not null check (line_count > 0),
    issued_at      timestamptz not null,
    issued_by      text not null,
    constraint bill_kind_sequence check ((kind = 'regular') = (sequence = 0)),
    unique (programme_id, month, sequence)
);
create index bill_regency_idx on billing.bill (regency_code, month);

create table billing.bill_line (
    bill_id        uuid not null references billing.bill (id),
    line_no        integer not null check (line_no > 0),
    worker_id      uuid not null references registry.worker (id),
    enrollment_id  uuid not null,
    month          date not null,
    kind           text not null check (kind in ('charge', 'adjustment', 'refund')),
    jkk_amount     bigint,
    jkm_amount     bigint,
    jht_amount     bigint,
    amount         bigint not null,
    rate_version   text not null,
    village_code   text not null,
    regency_code   text not null,
    -- Why an adjustment or refund line exists: enrollment.late, enrollment.ended, worker.deceased.
    reason         text,
    primary key (bill_id, line_no),
    constraint bill_line_components check (
        jkk_amount is null or amount = jkk_amount + coalesce(jkm_amount, 0) + coalesce(jht_amount, 0)),
    constraint bill_line_sign check ((kind = 'charge' and amount > 0) or (kind <> 'charge' and amount <> 0))
);
create index bill_line_worker_idx on billing.bill_line (worker_id, month);

-- Issued means final: corrections are new adjustment bills.
create function billing.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'tagihan yang sudah terbit tidak dapat diubah atau dihapus (%)', tg_table_name
        using errcode = 'P0001';
end $$;
create trigger bill_line_immutable before update or delete on billing.bill_line
    for each row execute function billing.refuse_change();
create trigger bill_immutable before update or delete on billing.bill
    for each row execute function billing.refuse_change();

-- Money received from a payer: a treasury SP2D or a bank transfer, for one programme's bills.
create table billing.payment (
    id             uuid primary key,
    programme_id   uuid not null references programs.programme (id),
    payer_id       uuid not null references programs.funder (id),
    method         text not null check (method in ('sp2d', 'transfer')),
    reference      text not null check (length(btrim(reference)) between 3 and 100),
    paid_on        date not null,
    amount         bigint not null check (amount > 0),
    note           text,
    region_code    text not null,
    regency_code   text,
    created_at     timestamptz not null,
    created_by     text not null,
    unique (payer_id, method, reference)
);
create index payment_programme_idx on billing.payment (programme_id, paid_on);

-- How much of a payment went to which bill; a payment's amount less these is shown as unallocated.
create table billing.payment_allocation (
    payment_id     uuid not null references billing.payment (id),
    bill_id        uuid not null references billing.bill (id),
    amount         bigint not null check (amount > 0),
    allocated_at   timestamptz not null,
    primary key (payment_id, bill_id)
);
create index payment_allocation_bill_idx on billing.payment_allocation (bill_id);

-- The protection ledger: per worker and contribution month, who funded it, what was due and paid, and when it was
-- fully paid. Programme months come from bills (due) and payments (paid); self-paid months from imported statements.
create table billing.contribution (
    worker_id         uuid not null references registry.worker (id),
    month             date not null check (extract(day from month) = 1),
    source            text not null check (source in ('programme', 'self_paid')),
    programme_id      uuid references programs.programme (id),
    amount_due        bigint not null check (amount_due >= 0),
    amount_paid       bigint not null default 0 check (amount_paid >= 0),
    paid_on           date,
    -- A late government payment leaves a gap; the request to BPJS to backdate it is tracked here.
    backdate_status   text check (backdate_status in ('requested', 'approved', 'refused')),
    backdate_note     text,
    kpj               text check (kpj ~ '^[0-9]{11}$'),
    village_code      text not null,
    regency_code      text not null,
    updated_at        timestamptz not null,
    primary key (worker_id, month),
    constraint contribution_source_programme check ((source = 'programme') = (programme_id is not null)),
    -- paid_on is the day the month became fully paid.
    constraint contribution_paid_date check (paid_on is null or (amount_paid >= amount_due and amount_paid > 0))
);
create index contribution_programme_idx on billing.contribution (programme_id, month) where programme_id is not null;
create index contribution_self_paid_idx on billing.contribution (regency_code, month) where source = 'self_paid';

-- KPJ membership numbers seen on BPJS statements, so statement rows can name a worker by KPJ alone.
create table billing.worker_kpj (
    kpj          text primary key check (kpj ~ '^[0-9]{11}$'),
    worker_id    uuid not null references registry.worker (id),
    first_seen   timestamptz not null
);
create index worker_kpj_worker_idx on billing.worker_kpj (worker_id);

-- Messages to participants (SMS/WhatsApp): queued here in the same transaction as the decision to send them,
-- delivered by a provider, with the delivery status kept. dedupe_key makes queueing idempotent.
create table billing.notification (
    id              uuid primary key,
    dedupe_key      text not null unique,
    kind            text not null check (kind in ('handover', 'self_paid_reminder')),
    channel         text not null check (channel in ('sms', 'whatsapp')),
    worker_id       uuid not null references registry.worker (id),
    programme_id    uuid references programs.programme (id),
    recipient       text not null,
    body            text not null,
    status          text not null default 'queued' check (status in ('queued', 'sent', 'delivered', 'failed')),
    attempts        integer not null default 0,
    last_error      text,
    provider        text,
    provider_ref    text,
    village_code    text not null,
    regency_code    text not null,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    updated_at      timestamptz not null
);
create index notification_queue_idx on billing.notification (created_at) where status = 'queued';
create index notification_regency_idx on billing.notification (regency_code, created_at);
