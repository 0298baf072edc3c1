-- What a billing run writes made cheap enough for the monthly run over a million enrolments (issue 6 benchmark;
-- bench/README.md has the measurements behind each change). A run now writes bills and their lines only: the
-- protection ledger gets a programme month's row when money for it arrives (RecordPayment), and until then the
-- worker's ledger shows the billed month from the funded month (CheckProtection.WorkerLedger) — no second million rows.
--
-- 1. Bill lines lose their row-level foreign keys. A row-level foreign key runs one lookup per inserted row, and the
--    one to registry.worker also locks each worker's row (FOR KEY SHARE), which writes to the worker's heap page: in
--    one INSERT of a million lines they cost 3.2 s (to the bill) and 6.6 s (to the worker) against 3.3 s for the
--    insert itself. The bill reference is checked once per statement over the distinct bills it wrote (a run's
--    statement writes a few hundred), and a failure refuses the whole statement the same way (SQLSTATE 23503). The
--    worker reference is not re-checked: lines take their worker from a funded month, which references
--    registry.worker, and probing the million-row table once per line would cost what the foreign key did (measured
--    6 ms per 1,000 lines). Workers and bills are never deleted (the registry merges duplicates by marking them;
--    issued bills are immutable), so the delete side of the foreign keys had nothing to guard.
-- 2. A funded month carries its enrolment's village, so billing a month reads the funded months alone: the contract
--    view programs.billable_month joins the enrolment with a LEFT JOIN on its primary key, which the planner drops when
--    no enrolment column is asked for (the village was the only one a bill needs). Joining a million enrolments for
--    every group of programmes cost more than writing the group's bill lines.
-- 3. The index of bill lines by worker is dropped: nothing reads lines by worker (they are read by bill; a worker's
--    months come from the ledger and the funded months), and keeping it cost as much as the lines' primary key.

alter table billing.bill_line drop constraint bill_line_bill_id_fkey, drop constraint bill_line_worker_id_fkey;
drop index billing.bill_line_worker_idx;

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
