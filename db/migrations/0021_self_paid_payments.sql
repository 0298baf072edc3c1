-- Issue 12: self-paid money as BPJS applies it.
--
-- 1. A statement row is one payment. The ledger month (billing.contribution, source self_paid) is derived from the
--    month's payments: amount due = the rate tables' self-paid amount for the worker and month, amount paid = the sum
--    of the payments, paid on = the day the running sum first reached the amount due (null while partly paid, which
--    protects nothing). Before this, a row set the amount due to whatever was paid, so Rp1 "paid" a month.
--    A payment is known by worker, month, payment day and reference (blank when the statement gives none): the same
--    four again is the same payment (unchanged, or a correction of its amount); anything else is another payment.
create table billing.self_paid_payment (
    worker_id         uuid not null references registry.worker (id),
    month             date not null check (extract(day from month) = 1),
    paid_on           date not null,
    reference         text not null default '' check (length(reference) <= 100),
    amount            bigint not null check (amount > 0),
    kpj               text check (kpj ~ '^[0-9]{11}$'),
    -- Null for the payments carried over from the ledger below.
    statement_job_id  uuid references billing.statement_import (job_id),
    village_code      text not null,
    regency_code      text not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    primary key (worker_id, month, paid_on, reference)
);

-- Every self-paid ledger month written so far was one payment of the whole amount: carry it over, with the
-- reference of the statement row that wrote it where there is one, so importing that statement again changes nothing.
insert into billing.self_paid_payment (worker_id, month, paid_on, reference, amount, kpj, statement_job_id, village_code, regency_code,
                                       created_at, updated_at)
select c.worker_id, c.month, coalesce(c.paid_on, c.month),
       coalesce((select sr.reference from billing.statement_row sr
                  where sr.worker_id = c.worker_id and sr.month = c.month and sr.source = 'self_paid'
                    and sr.verdict in ('created', 'updated') and sr.paid_on = c.paid_on and sr.reference is not null
                  order by sr.job_id, sr.row_no desc limit 1), ''),
       c.amount_paid, c.kpj, null, c.village_code, c.regency_code, c.updated_at, c.updated_at
  from billing.contribution c
 where c.source = 'self_paid' and c.amount_paid > 0;

-- 2. What the row's month stood at after the import, for the per-row verdicts that name both amounts
--    (statement.underpaid, statement.overpaid, statement.month_completed).
alter table billing.statement_row
    add column month_due  bigint check (month_due >= 0),
    add column month_paid bigint check (month_paid >= 0);

-- 3. Messages quote the protection rule in force (due day, lapse months) and the rate tables, never a text: the
--    seeded payment instructions named "tanggal 15". Mend the seeded text only; an administrator's own text stays.
update billing.setting
   set value = 'Bayar melalui kantor cabang BPJS Ketenagakerjaan, kantor pos, agen Perisai, atau aplikasi JMO.',
       description = 'Cara membayar iuran mandiri yang disebut dalam pesan kepada peserta. Jatuh tempo dan jumlahnya ditambahkan '
                     'dari aturan perlindungan dan tabel tarif yang berlaku; jangan menuliskannya di sini.'
 where key = 'self_paid_payment_instructions'
   and value = 'Bayar melalui kantor cabang BPJS Ketenagakerjaan, kantor pos, agen Perisai, atau aplikasi JMO paling lambat tanggal 15 setiap bulan.';
