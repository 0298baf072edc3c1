using Npgsql;
using Payung.Shared;

namespace Payung.Billing.GenerateMonthlyBills;

/// <summary>A bill the billing statement issued for one programme and month.</summary>
internal sealed record ProgrammeMonthBill(Guid ProgrammeId, ContributionMonth Month, Guid BillId, int Sequence, int Lines, long Total);

/// <summary>
/// Bills a set of programmes for one contribution month with ONE set-based SQL statement (a single programme when an
/// operator asks, many at a time in a billing run): per programme, the months it funds (<c>programs.billable_month</c>,
/// less months after a participant's death) are compared per worker with what the month's issued bills already charge;
/// if anything differs, a new bill is issued with a line per difference — the regular bill (sequence 0, charge lines)
/// the first time, an adjustment bill (late enrolments, endings, deaths; refund lines where the month was already paid)
/// afterwards — and, for a month already paid, the protection ledger's amount due follows. Issued bills are never
/// edited, so running it twice changes nothing. Per programme-month the outcome is what billing that programme-month
/// alone gives: every join and aggregate is per (programme, worker), and a worker is funded by at most one programme in
/// a month. A line whose bill the statement did not issue is refused with the whole statement (the statement-level
/// check of migration 0015).
/// </summary>
internal static class BillProgrammeMonths
{
    private const string Sql = """
        with req as (
            select r.programme_id, r.bill_id from unnest($1::uuid[], $3::uuid[]) as r (programme_id, bill_id)
        ),
        expected as materialized (
            select b.programme_id, b.worker_id, b.enrollment_id, b.amount, b.jkk_amount, b.jkm_amount, b.jht_amount, b.rate_version,
                   b.village_code, b.regency_code
              from programs.billable_month b
             where b.programme_id = any($1) and b.month = $2
               and not exists (select 1 from registry.worker_identity w where w.id = b.worker_id and w.death_date < $2)
        ),
        -- Per programme and worker, what the month's bills charge so far, with the latest line's enrolment, rate
        -- version and region (one sort; an ordered aggregate per column sorted every worker's lines four times).
        billed as (
            select distinct on (b.programme_id, l.worker_id) b.programme_id, l.worker_id,
                   (sum(l.amount) over w)::bigint as amount, (sum(l.jkk_amount) over w)::bigint as jkk,
                   (sum(l.jkm_amount) over w)::bigint as jkm, (sum(l.jht_amount) over w)::bigint as jht,
                   l.enrollment_id, l.rate_version, l.village_code, l.regency_code
              from billing.bill b
              join billing.bill_line l on l.bill_id = b.id
             where b.programme_id = any($1) and b.month = $2
            window w as (partition by b.programme_id, l.worker_id)
             order by b.programme_id, l.worker_id, b.sequence desc, l.line_no
        ),
        -- Per programme and worker, what the month's bills should charge less what they already charge. The worker's
        -- death date and the ledger are looked up only for workers billed before (never on a month's first bill).
        diff as (
            select coalesce(e.programme_id, x.programme_id) as programme_id,
                   coalesce(e.worker_id, x.worker_id) as worker_id,
                   coalesce(e.enrollment_id, x.enrollment_id) as enrollment_id,
                   coalesce(e.amount, 0) - coalesce(x.amount, 0) as amount,
                   coalesce(e.jkk_amount, case when e.worker_id is null then 0 end) - coalesce(x.jkk, 0) as jkk,
                   coalesce(e.jkm_amount, case when e.worker_id is null then 0 end) - coalesce(x.jkm, 0) as jkm,
                   coalesce(e.jht_amount, case when e.worker_id is null then 0 end) - coalesce(x.jht, 0) as jht,
                   coalesce(e.rate_version, x.rate_version) as rate_version,
                   coalesce(e.village_code, x.village_code) as village_code,
                   coalesce(e.regency_code, x.regency_code) as regency_code,
                   case when x.worker_id is null then 'enrollment.late'
                        when e.worker_id is not null then 'amount.changed'
                        when (select w.death_date from registry.worker_identity w where w.id = x.worker_id) < $2 then 'worker.deceased'
                        else 'enrollment.ended' end as reason,
                   case when x.worker_id is null then false
                        else exists (select 1 from billing.contribution c
                                      where c.month = $2 and c.worker_id = x.worker_id and c.programme_id = x.programme_id
                                        and c.amount_paid > 0) end as month_paid,
                   coalesce(e.amount, 0) as new_due,
                   x.worker_id is not null as billed_before
              from expected e
              full join billed x on x.programme_id = e.programme_id and x.worker_id = e.worker_id
             where coalesce(e.amount, 0) <> coalesce(x.amount, 0)
        ),
        totals as (
            select d.programme_id, sum(d.amount)::bigint as total, count(*)::int as lines from diff d group by d.programme_id
        ),
        -- Each programme's next bill: its id and sequence (0 for the month's regular bill).
        next_bill as (
            select r.programme_id, r.bill_id, s.s as sequence
              from req r
             cross join lateral (select coalesce(max(b.sequence) + 1, 0) as s
                                   from billing.bill b where b.programme_id = r.programme_id and b.month = $2) s
        ),
        new_bill as (
            insert into billing.bill (id, number, programme_id, month, sequence, kind, funder_id, region_code, regency_code,
                                      total, line_count, issued_at, issued_by)
            select n.bill_id, 'TGH/' || to_char($2, 'YYYYMM') || '/' || upper(right(replace(n.programme_id::text, '-', ''), 12)) || '/' || n.sequence,
                   n.programme_id, $2, n.sequence, case when n.sequence = 0 then 'regular' else 'adjustment' end,
                   p.funder_id, p.region_code, p.regency_code, t.total, t.lines, $4, $5
              from next_bill n
              join totals t on t.programme_id = n.programme_id
              join programs.programme_billing p on p.id = n.programme_id
            returning id, programme_id, sequence
        ),
        lines as (
            insert into billing.bill_line (bill_id, line_no, worker_id, enrollment_id, month, kind, jkk_amount, jkm_amount, jht_amount,
                                           amount, rate_version, village_code, regency_code, reason)
            select n.bill_id, row_number() over (partition by d.programme_id order by d.village_code, d.worker_id), d.worker_id,
                   d.enrollment_id, $2,
                   case when n.sequence = 0 then 'charge' when d.amount < 0 and d.month_paid then 'refund' else 'adjustment' end,
                   d.jkk, d.jkm, d.jht, d.amount, d.rate_version, d.village_code, d.regency_code,
                   case when n.sequence = 0 then null else d.reason end
              from diff d
              join next_bill n on n.programme_id = d.programme_id
        ),
        -- The protection ledger gets a programme month's row when money for it arrives (PaymentAllocator); until then
        -- the worker's ledger shows the month from the funded month. Where the row exists already (the month was paid),
        -- its amount due follows the bills: only a worker billed before can have one, so a month's first bills never
        -- touch the ledger.
        ledger_changed as (
            update billing.contribution c
               set amount_due = d.new_due,
                   paid_on = case when c.amount_paid >= d.new_due then c.paid_on end,
                   updated_at = $4
              from diff d
             where d.billed_before and c.month = $2 and c.worker_id = d.worker_id and c.programme_id = d.programme_id
        )
        select nb.programme_id, nb.id, nb.sequence, t.lines, t.total
          from new_bill nb
          join totals t on t.programme_id = nb.programme_id
        """;

    /// <summary>
    /// Bills <paramref name="programmeIds"/> for <paramref name="month"/> in the caller's transaction: sets the
    /// transaction's work memory and turns JIT off, takes each programme-month's lock (in id order, so two runs cannot
    /// deadlock; a second run waits, then finds nothing left to bill) and runs the statement, in one round trip, all
    /// prepared on the connection — a run issues several over one connection. Returns the bills issued, one per
    /// programme that had something to bill.
    /// </summary>
    public static async Task<IReadOnlyList<ProgrammeMonthBill>> RunAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        IReadOnlyList<Guid> programmeIds, ContributionMonth month, DateTimeOffset now, string issuedBy, CancellationToken ct)
    {
        var ids = programmeIds.Distinct().Order().ToArray();
        if (ids.Length == 0)
        {
            return [];
        }

        var billIds = ids.Select(_ => Guid.CreateVersion7()).ToArray();
        await using var batch = new NpgsqlBatch(conn, tx);

        // For this transaction only: room to hash and sort a group's lines in memory (the cluster's default of 4 MB
        // spills them to disk), and no JIT compilation — the statement's estimated cost always triggers it, and compiling
        // its 160 expressions with LLVM took about a second per execution, more than inserting 250,000 lines.
        batch.BatchCommands.Add(new NpgsqlBatchCommand("select set_config('work_mem', '256MB', true), set_config('jit', 'off', true)"));
        var lockCmd = new NpgsqlBatchCommand("""
            select pg_advisory_xact_lock(hashtextextended('billing.bill:' || l.p::text || $2::text, 0))
              from (select p from unnest($1::uuid[]) p order by p) l
            """);
        lockCmd.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids });
        lockCmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = month.FirstDay });
        batch.BatchCommands.Add(lockCmd);

        var cmd = new NpgsqlBatchCommand(Sql);
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = month.FirstDay });
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = billIds });
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = issuedBy });
        batch.BatchCommands.Add(cmd);

        await batch.PrepareAsync(ct);
        await using var r = await batch.ExecuteReaderAsync(ct);
        await r.NextResultAsync(ct);
        await r.NextResultAsync(ct);
        var bills = new List<ProgrammeMonthBill>();
        while (await r.ReadAsync(ct))
        {
            bills.Add(new ProgrammeMonthBill(r.GetGuid(0), month, r.GetGuid(1), r.GetInt32(2), r.GetInt32(3), r.GetInt64(4)));
        }

        return bills;
    }
}
