-- What a billing run writes per programme-month (1,000 bill lines and 1,000 ledger rows) made cheap enough for the
-- monthly run over a million enrolments (issue 6 benchmark; bench/README.md has the measurements behind each change).
--
-- 1. Row-level foreign keys become statement-level reference checks. A row-level foreign key runs one lookup per
--    inserted row, and the ones to registry.worker also lock each worker's row (FOR KEY SHARE), which writes to the
--    worker's heap page: in one INSERT of a million lines they cost 3.2 s (to the bill) and 6.6 s (to the worker)
--    against 3.3 s for the insert itself. The bill and programme references are checked once per statement over the
--    distinct ids it wrote (a run's statement writes a handful), and a failure refuses the whole statement the same way
--    (SQLSTATE 23503). Worker references are not re-checked: every writer takes its worker ids from a row that already
--    references registry.worker (the funded month for bill lines and programme months, the worker found by NIK or KPJ
--    for statement rows), and probing a million-row table once per line would cost what the foreign key did (measured
--    6 ms per 1,000 lines). Workers, programmes and bills are never deleted (the registry merges duplicates by marking
--    them; issued bills are immutable), so the delete side of the foreign keys had nothing to guard.
-- 2. The protection ledger is keyed by month first. A billing run inserts one month for a million workers: keyed by
--    worker first, every row lands on a different page of a ten-million-row index (4.3 µs a row); keyed by month
--    first, a run's rows land in that month's part of the index only. A worker's months are read with one index
--    probe per month of the ledger's range (billing.ledger_months).
-- 3. A funded month carries its enrolment's village, so billing a month reads the funded months alone: the contract
--    view programs.billable_month joins the enrolment with a LEFT JOIN on its primary key, which the planner drops when
--    no enrolment column is asked for (the village was the only one a bill needs). Joining a million enrolments for
--    every group of programmes cost more than writing the group's bill lines.
-- 4. Indexes nothing reads are dropped: bill lines by worker (lines are read by bill; a worker's months are in the
--    ledger) and ledger rows by programme (the ledger is read by worker and month).

alter table billing.bill_line drop constraint bill_line_bill_id_fkey, drop constraint bill_line_worker_id_fkey;
drop index billing.bill_line_worker_idx;

alter table billing.contribution drop constraint contribution_worker_id_fkey, drop constraint contribution_programme_id_fkey;
drop index billing.contribution_programme_idx;
alter table billing.contribution drop constraint contribution_pkey;
alter table billing.contribution add constraint contribution_pkey primary key (month, worker_id);

alter table programs.funded_month add column village_code text;
update programs.funded_month fm set village_code = e.village_code from programs.enrollment e where e.id = fm.enrollment_id;
alter table programs.funded_month alter column village_code set not null;

create or replace view programs.billable_month as
select fm.worker_id, fm.month, fm.programme_id, fm.enrollment_id, fm.amount, fm.jkk_amount, fm.jkm_amount, fm.jht_amount,
       fm.rate_version, fm.regency_code, fm.village_code, e.month_to as enrollment_month_to, e.status as enrollment_status
  from programs.funded_month fm
  left join programs.enrollment e on e.id = fm.enrollment_id;

-- Workers who died, for the billing run's "no contributions after death": a probe per billed worker into an index of
-- the few who died instead of into the million-row worker table.
create index worker_death_idx on registry.worker (id, death_date) where death_date is not null;

create function billing.check_bill_line_references() returns trigger language plpgsql as $$
begin
    if exists (select 1 from (select distinct bill_id from new_lines) l
                where not exists (select 1 from billing.bill b where b.id = l.bill_id)) then
        raise exception 'baris tagihan merujuk tagihan yang tidak ada' using errcode = '23503';
    end if;
    return null;
end $$;
create trigger bill_line_references after insert on billing.bill_line
    referencing new table as new_lines for each statement execute function billing.check_bill_line_references();

create function billing.check_contribution_references() returns trigger language plpgsql as $$
begin
    if exists (select 1 from (select distinct programme_id from new_rows where programme_id is not null) c
                where not exists (select 1 from programs.programme p where p.id = c.programme_id)) then
        raise exception 'baris buku iuran merujuk program yang tidak ada' using errcode = '23503';
    end if;
    return null;
end $$;
create trigger contribution_references after insert on billing.contribution
    referencing new table as new_rows for each statement execute function billing.check_contribution_references();

-- A ledger row stays with its worker and its funder: nothing moves it (a correction is a new statement row or bill).
create function billing.refuse_ledger_move() returns trigger language plpgsql as $$
begin
    raise exception 'baris buku iuran tidak dapat dipindahkan ke pekerja, bulan atau program lain' using errcode = '23503';
end $$;
create trigger contribution_keys_fixed before update of worker_id, month, programme_id on billing.contribution
    for each row when (old.worker_id is distinct from new.worker_id or old.month is distinct from new.month
                       or old.programme_id is distinct from new.programme_id)
    execute function billing.refuse_ledger_move();

-- The months a worker's ledger can hold, up to a month (all when null): from the ledger's first month to its last,
-- both read from the primary key's ends. Queries by worker ask for "month = any(billing.ledger_months(...)) and
-- worker_id = $1", one primary-key probe per month.
create function billing.ledger_months(up_to date) returns date[] language sql stable as $$
    select coalesce(array(select generate_series(lo, least(hi, coalesce(up_to, hi)), interval '1 month')::date
                            from (select (select min(month) from billing.contribution) as lo,
                                         (select max(month) from billing.contribution) as hi) m
                           where lo is not null), '{}')
$$;
