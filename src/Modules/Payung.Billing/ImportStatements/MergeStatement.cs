using Npgsql;
using Payung.Shared;

namespace Payung.Billing.ImportStatements;

/// <summary>What the merge predicted per verdict and what its writes reported; they differ only under a concurrent write.</summary>
internal sealed record StatementCounts(long Created, long Updated, long Unchanged, long Rejected, long NeedsReview, long Inserted, long Changed)
{
    public long Total => Created + Updated + Unchanged + Rejected + NeedsReview;

    /// <summary>
    /// Whether the writes did exactly what the verdicts say (payments and refunds, one per created or updated row). A bill
    /// or another import writing the same worker-months between the snapshot and the insert can make them differ; the
    /// caller then rolls back and runs again.
    /// </summary>
    public bool Consistent => Inserted == Created && Changed == Updated;
}

/// <summary>
/// The set-based heart of a statement import: ONE statement resolves every staged row to a worker (by NIK through the
/// registry's contract view, or by KPJ through <c>billing.worker_kpj</c> and the NIK+KPJ pairs earlier in the same file),
/// validates it, writes its verdict with reasons, and merges the accepted rows. Verdict rules:
/// <list type="bullet">
/// <item>rejected — a malformed NIK/KPJ or neither given, an unknown worker, a worker outside the importer's scope
/// (<c>region.out_of_scope</c>), a malformed or unruled month or one beyond the prepayment limit, an amount that is not a
/// positive whole number, a payment date that is malformed, in the future or earlier than the prepayment limit allows,
/// an unknown source, a formula or control character, the same worker and month earlier in the file;</item>
/// <item>needs_review (nothing written) — the KPJ already belongs to another worker; a <c>mandiri</c> row for a month a
/// programme funds; a <c>program</c> row whose month is not in the ledger as paid by the programme with that amount
/// (the statement reconciles BPJS's receipts against Payung's payments);</item>
/// <item>unchanged — a <c>program</c> row matching the ledger, or a self-paid row already recorded alike;</item>
/// <item>created / updated — a self-paid row is one payment (<c>billing.self_paid_payment</c>), known by worker, month,
/// payment day and reference: created when new, updated when that payment is recorded with another amount or KPJ. The
/// ledger month (<c>billing.contribution</c>, source self_paid) is then derived from all the month's payments: amount due
/// = the rate tables' self-paid amount for the worker's sector and month (<c>pg_temp.statement_due</c>, filled from
/// <c>SelfPaidContribution</c> before this statement), amount paid = their sum, paid on = the payment day on which the
/// running sum reached the amount due. Less than due leaves the month partly paid (not protected) with the reason
/// <c>statement.underpaid</c>; the payment that completes it carries <c>statement.month_completed</c>; more than due is
/// accepted — the month is paid — with the warning <c>statement.overpaid</c> (the excess is BPJS's to settle, and
/// nobody should miss it). A self-paid month after the worker's death month goes to <c>billing.self_paid_refund</c>
/// instead (reason <c>statement.after_death</c>): money owed back to the payer, never protection.</item>
/// </list>
/// A self-paid row for a living worker with no self-paid rate in force for its month needs review
/// (<c>statement.rate_missing</c>). KPJs seen with a NIK on a row that is not rejected are remembered in
/// <c>billing.worker_kpj</c>.
/// </summary>
internal static class MergeStatement
{
    public const string CreateStagingSql = """
        drop table if exists pg_temp.statement_staging;
        create temp table statement_staging (
            row_no integer not null,
            nik text, kpj text, month_text text, amount_text text, paid_on_text text, source_text text, reference text,
            -- The formats StatementRow could read from the text above (null when empty or unreadable).
            month date, amount bigint, paid_on date, source text,
            flags text[] not null
        );
        """;

    /// <summary>The rate tables' self-paid amount per month and sector ('' for a worker without one), filled before the merge.</summary>
    public const string CreateDueSql = """
        drop table if exists pg_temp.statement_due;
        create temp table statement_due (month date not null, sector text not null, amount_due bigint not null, primary key (month, sector));
        """;

    public const string CopySql = """
        copy pg_temp.statement_staging (row_no, nik, kpj, month_text, amount_text, paid_on_text, source_text, reference,
            month, amount, paid_on, source, flags) from stdin (format binary)
        """;

    // $1 job id, $2 today (Asia/Jakarta), $3 national scope, $4 scope regencies, $5 scope prefix, $6 now.
    private static readonly string Sql = $$"""
        with typed as (
            select s.*, s.nik ~ '^[0-9]{16}$' as nik_ok, s.kpj ~ '^[0-9]{11}$' as kpj_ok
              from pg_temp.statement_staging s
        ),
        named as (
            -- The worker a valid NIK names; a merged record stands for the worker it was merged into.
            select t.row_no, coalesce(w.merged_into, w.id) as worker_id
              from typed t
              join registry.worker_identity w on w.nik = t.nik
             where t.nik_ok
        ),
        file_kpj as (
            -- KPJs this file pairs with a NIK: a later row may name the worker by that KPJ alone.
            select distinct on (t.kpj) t.kpj, n.worker_id
              from typed t
              join named n on n.row_no = t.row_no
             where t.kpj_ok
             order by t.kpj, t.row_no
        ),
        resolved as (
            select t.*, n.worker_id as nik_worker,
                   coalesce(kw.merged_into, kw.id) as known_kpj_worker,
                   fk.worker_id as file_kpj_worker,
                   case when t.nik is not null then n.worker_id
                        when t.kpj_ok then coalesce(kw.merged_into, kw.id, fk.worker_id) end as worker_id
              from typed t
              left join named n on n.row_no = t.row_no
              left join billing.worker_kpj k on t.kpj_ok and k.kpj = t.kpj
              left join registry.worker_identity kw on kw.id = k.worker_id
              left join file_kpj fk on t.kpj_ok and fk.kpj = t.kpj
        ),
        found as (
            select r.*,
                   w.id as w_id, w.village_code as w_village, w.regency_code as w_regency, w.death_date as w_death,
                   w.id is not null and {{ScopeSql.Predicate("w.regency_code", "w.village_code", 3)}} as w_covered,
                   rule.max_prepay_months,
                   r.month is not null and rule.max_prepay_months is not null
                       and r.month <= (date_trunc('month', $2::date) + make_interval(months => rule.max_prepay_months))::date as month_ok,
                   c.source as c_source, c.amount_due as c_due, c.amount_paid as c_paid, c.paid_on as c_paid_on, c.kpj as c_kpj,
                   f.amount as f_amount, f.paid_on as f_paid_on, f.kpj as f_kpj, f.reference as f_reference,
                   exists (select 1 from programs.billable_month bm where bm.worker_id = w.id and bm.month = r.month) as programme_funds,
                   d.amount_due as d_due, sp.amount as sp_amount, sp.kpj as sp_kpj,
                   -- A self-paid payment repeats only with the same day and reference; any other row, per worker and month.
                   case when w.id is not null and r.month is not null
                        then min(r.row_no) over (partition by w.id, r.month, r.source = 'self_paid' and (w.death_date is null
                                 or r.month <= date_trunc('month', w.death_date)::date), r.paid_on, coalesce(r.reference, '')) end as first_payment_row,
                   case when w.id is not null and r.month is not null
                        then min(r.row_no) over (partition by w.id, r.month) end as first_row
              from resolved r
              left join registry.worker_identity w on w.id = r.worker_id
              left join registry.worker_profile wp on wp.id = w.id
              left join pg_temp.statement_due d on d.month = r.month and d.sector = coalesce(wp.occupation_sector, '')
              left join billing.self_paid_payment sp
                     on sp.worker_id = w.id and sp.month = r.month and sp.paid_on = r.paid_on and sp.reference = coalesce(r.reference, '')
              left join lateral (
                   select p.max_prepay_months from billing.protection_rule p
                    where p.effective_from <= r.month and (p.effective_to is null or r.month <= p.effective_to)
                    order by p.effective_from desc limit 1) rule on true
              left join billing.contribution c on c.worker_id = w.id and c.month = r.month
              left join billing.self_paid_refund f on f.worker_id = w.id and f.month = r.month
            offset 0
        ),
        judged as (
            select f.*,
                   f.flags || array_remove(array[
                       case when f.nik is null or f.nik_ok or 'nik.excel_float' = any(f.flags) then null
                            when f.nik ~ '^[0-9]+([.,][0-9]+)?[eE][+-]?[0-9]+$' then 'nik.excel_float'
                            else 'statement.nik_invalid' end,
                       case when f.kpj is not null and not f.kpj_ok then 'statement.kpj_invalid' end,
                       case when f.nik is null and f.kpj is null then 'statement.identity_missing' end,
                       case when (f.nik is null or f.nik_ok) and (f.kpj is null or f.kpj_ok) and (f.nik is not null or f.kpj is not null)
                                 and f.w_id is null then 'statement.worker_not_found' end,
                       case when f.w_id is not null and not f.w_covered then 'region.out_of_scope' end,
                       case when not f.month_ok then 'statement.month_invalid' end,
                       case when f.amount is null or f.amount <= 0 then 'statement.amount_invalid' end,
                       case when f.paid_on is null or f.paid_on > $2::date
                                 or (f.month_ok and f.paid_on < (f.month - make_interval(months => f.max_prepay_months))::date)
                            then 'statement.date_invalid' end,
                       case when f.source is null then 'statement.source_invalid' end,
                       case when length(f.reference) > 100 then 'statement.reference_too_long' end,
                       case when f.first_row < f.row_no
                                 and not (f.source = 'self_paid' and (f.w_death is null or f.month <= date_trunc('month', f.w_death)::date)
                                          and f.first_payment_row = f.row_no)
                            then 'statement.duplicate_in_file' end
                   ]::text[], null) as errors,
                   array_remove(array[
                       case when f.kpj_ok and f.nik_worker is not null
                                 and (f.known_kpj_worker <> f.nik_worker or f.file_kpj_worker <> f.nik_worker)
                            then 'statement.kpj_conflict' end,
                       case when f.source = 'self_paid' and (f.c_source = 'programme' or f.programme_funds)
                            then 'statement.funded_by_programme' end,
                       case when f.source = 'programme'
                                 and not coalesce(f.c_source = 'programme' and f.c_paid = f.amount and f.c_paid >= f.c_due
                                                  and f.c_paid_on is not null, false)
                            then 'statement.programme_payment_mismatch' end,
                       case when f.source = 'self_paid' and f.w_id is not null and f.month_ok and f.d_due is null
                                 and (f.w_death is null or f.month <= date_trunc('month', f.w_death)::date)
                            then 'statement.rate_missing' end
                   ]::text[], null) as reviews,
                   f.source = 'self_paid' and f.w_death is not null and f.month > date_trunc('month', f.w_death)::date as after_death
              from found f
            offset 0
        ),
        verdicts as (
            select j.*,
                   case when cardinality(j.errors) > 0 then 'rejected'
                        when cardinality(j.reviews) > 0 then 'needs_review'
                        when j.source = 'programme' then 'unchanged'
                        when j.after_death then
                            case when j.f_amount is null then 'created'
                                 when (j.f_amount, j.f_paid_on, j.f_kpj, j.f_reference) is distinct from
                                      (j.amount, j.paid_on, coalesce(j.kpj, j.f_kpj), coalesce(j.reference, j.f_reference))
                                     then 'updated'
                                 else 'unchanged' end
                        when j.sp_amount is null then 'created'
                        when (j.sp_amount, j.sp_kpj) is distinct from (j.amount, coalesce(j.kpj, j.sp_kpj)) then 'updated'
                        else 'unchanged'
                   end as verdict
              from judged j
        ),
        file_payments as (
            select v.w_id, v.month, v.paid_on, coalesce(v.reference, '') as reference, v.amount, v.row_no, v.kpj, v.d_due
              from verdicts v
             where v.verdict in ('created', 'updated') and not v.after_death
        ),
        touched as (
            select distinct on (p.w_id, p.month) p.w_id, p.month, p.d_due
              from file_payments p
             order by p.w_id, p.month
        ),
        month_payments as (
            -- The month's payments once this file is in: those recorded before that it does not restate, and its own.
            select t.w_id, t.month, t.d_due, p.paid_on, p.amount, 0 as row_no
              from touched t
              join billing.self_paid_payment p on p.worker_id = t.w_id and p.month = t.month
             where not exists (select 1 from file_payments fp
                                where fp.w_id = p.worker_id and fp.month = p.month and fp.paid_on = p.paid_on and fp.reference = p.reference)
            union all
            select fp.w_id, fp.month, fp.d_due, fp.paid_on, fp.amount, fp.row_no
              from file_payments fp
        ),
        running as (
            select m.*, sum(m.amount) over (partition by m.w_id, m.month order by m.paid_on, m.row_no
                                            rows between unbounded preceding and current row) as so_far
              from month_payments m
        ),
        month_totals as (
            select r.w_id, r.month, min(r.d_due) as due, sum(r.amount)::bigint as paid,
                   min(r.paid_on) filter (where r.so_far >= r.d_due) as paid_on,
                   -- The row whose payment brought the month to its amount due, when that happened in this file.
                   min(r.row_no) filter (where r.so_far >= r.d_due and r.so_far - r.amount < r.d_due and r.row_no > 0) as completing_row,
                   count(*) as payments
              from running r
             group by r.w_id, r.month
        ),
        stood as (
            -- Where each accepted self-paid row's month stands after the file.
            select v.row_no, coalesce(t.due, v.c_due) as due, coalesce(t.paid, v.c_paid) as paid,
                   t.completing_row = v.row_no and t.payments > 1 as completed_here
              from verdicts v
              left join month_totals t on t.w_id = v.w_id and t.month = v.month
             where v.verdict in ('created', 'updated', 'unchanged') and v.source = 'self_paid' and not v.after_death
        ),
        recorded as (
            insert into billing.statement_row (job_id, row_no, verdict, reasons, nik, kpj, month, amount, paid_on, source, reference,
                                               worker_id, village_code, regency_code, previous, duplicate_of_row, cells, month_due, month_paid)
            select $1::uuid, v.row_no, v.verdict,
                   v.errors || v.reviews
                       || case when v.verdict not in ('rejected', 'needs_review') and v.after_death then array['statement.after_death'] else '{}' end
                       || case when v.verdict = 'unchanged' and v.source = 'programme' then array['statement.programme_payment_matches'] else '{}' end
                       || case when st.paid < st.due then array['statement.underpaid']
                               when st.paid > st.due then array['statement.overpaid']
                               when st.completed_here then array['statement.month_completed'] else '{}' end,
                   v.nik, v.kpj, v.month, v.amount, v.paid_on, v.source, v.reference,
                   case when v.w_covered then v.w_id end, case when v.w_covered then v.w_village end,
                   case when v.w_covered then v.w_regency end,
                   case when v.verdict = 'created' and not v.after_death and v.c_source = 'self_paid'
                            then jsonb_build_object('amountDue', v.c_due, 'amountPaid', v.c_paid, 'paidOn', v.c_paid_on, 'kpj', v.c_kpj)
                        when v.verdict <> 'updated' then null
                        when v.after_death then jsonb_build_object('amount', v.f_amount, 'paidOn', v.f_paid_on, 'kpj', v.f_kpj, 'reference', v.f_reference)
                        else jsonb_build_object('amount', v.sp_amount, 'kpj', v.sp_kpj, 'amountDue', v.c_due, 'amountPaid', v.c_paid,
                                                'paidOn', v.c_paid_on) end,
                   case when 'statement.duplicate_in_file' = any(v.errors) then v.first_row end,
                   case when v.verdict in ('rejected', 'needs_review')
                        then array[v.nik, v.kpj, v.month_text, v.amount_text, v.paid_on_text, v.source_text, v.reference] end,
                   st.due, st.paid
              from verdicts v
              left join stood st on st.row_no = v.row_no
        ),
        payments as (
            insert into billing.self_paid_payment as p (worker_id, month, paid_on, reference, amount, kpj, statement_job_id,
                                                        village_code, regency_code, created_at, updated_at)
            select v.w_id, v.month, v.paid_on, coalesce(v.reference, ''), v.amount, coalesce(v.kpj, v.sp_kpj), $1::uuid,
                   v.w_village, v.w_regency, $6, $6
              from verdicts v
             where v.verdict in ('created', 'updated') and not v.after_death
             order by v.w_id, v.month, v.paid_on, coalesce(v.reference, '')
            on conflict (worker_id, month, paid_on, reference) do update
               set amount = excluded.amount, kpj = excluded.kpj, statement_job_id = excluded.statement_job_id, updated_at = excluded.updated_at
             where (p.amount, p.kpj) is distinct from (excluded.amount, excluded.kpj)
            returning (p.xmax = 0) as inserted
        ),
        ledger as (
            insert into billing.contribution as c (worker_id, month, source, amount_due, amount_paid, paid_on, kpj,
                                                   village_code, regency_code, updated_at)
            select distinct on (v.w_id, v.month)
                   v.w_id, v.month, 'self_paid', t.due, t.paid, t.paid_on, coalesce(v.kpj, v.c_kpj), v.w_village, v.w_regency, $6
              from verdicts v
              join month_totals t on t.w_id = v.w_id and t.month = v.month
             where v.verdict in ('created', 'updated') and not v.after_death
             order by v.w_id, v.month, v.row_no desc
            on conflict (worker_id, month) do update
               set amount_due = excluded.amount_due, amount_paid = excluded.amount_paid, paid_on = excluded.paid_on,
                   kpj = excluded.kpj, updated_at = excluded.updated_at
             where c.source = 'self_paid'
               and (c.amount_due, c.amount_paid, c.paid_on, c.kpj) is distinct from
                   (excluded.amount_due, excluded.amount_paid, excluded.paid_on, excluded.kpj)
            returning (c.xmax = 0) as inserted
        ),
        refunds as (
            insert into billing.self_paid_refund as f (worker_id, month, amount, paid_on, kpj, reference, death_date, statement_job_id,
                                                      village_code, regency_code, created_at, updated_at)
            select v.w_id, v.month, v.amount, v.paid_on, coalesce(v.kpj, v.f_kpj), coalesce(v.reference, v.f_reference), v.w_death,
                   $1::uuid, v.w_village, v.w_regency, $6, $6
              from verdicts v
             where v.verdict in ('created', 'updated') and v.after_death
             order by v.w_id, v.month
            on conflict (worker_id, month) do update
               set amount = excluded.amount, paid_on = excluded.paid_on, kpj = excluded.kpj, reference = excluded.reference,
                   updated_at = excluded.updated_at
             where (f.amount, f.paid_on, f.kpj, f.reference) is distinct from
                   (excluded.amount, excluded.paid_on, excluded.kpj, excluded.reference)
            returning (f.xmax = 0) as inserted
        ),
        kpjs as (
            insert into billing.worker_kpj (kpj, worker_id, first_seen)
            select distinct on (v.kpj) v.kpj, v.w_id, $6
              from verdicts v
             where v.verdict <> 'rejected' and v.kpj_ok and v.nik_worker is not null and v.w_covered
               and not 'statement.kpj_conflict' = any(v.reviews)
             order by v.kpj, v.row_no
            on conflict (kpj) do nothing
            returning kpj
        ),
        predicted as (
            select count(*) filter (where verdict = 'created') as created,
                   count(*) filter (where verdict = 'updated') as updated,
                   count(*) filter (where verdict = 'unchanged') as unchanged,
                   count(*) filter (where verdict = 'rejected') as rejected,
                   count(*) filter (where verdict = 'needs_review') as needs_review
              from verdicts
        )
        select p.created, p.updated, p.unchanged, p.rejected, p.needs_review,
               (select count(*) from payments where inserted) + (select count(*) from refunds where inserted),
               (select count(*) from payments where not inserted) + (select count(*) from refunds where not inserted)
          from predicted p
        """;

    public static async Task<StatementCounts> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid jobId,
        DateOnly today, CallerScope scope, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Sql, connection, transaction) { CommandTimeout = 0 };
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = jobId });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = today });
        ScopeSql.AddParameters(cmd, scope);
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new StatementCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
            reader.GetInt64(5), reader.GetInt64(6));
    }
}
