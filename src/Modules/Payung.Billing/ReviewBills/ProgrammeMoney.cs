using Npgsql;

namespace Payung.Billing.ReviewBills;

internal sealed record BillSummary(
    Guid Id, string Number, string Month, int Sequence, string Kind, long Total, long Paid, long Outstanding, int Lines, long Refunds,
    DateTimeOffset IssuedAt);

internal sealed record MoneyInvariant(string Code, string Message, bool Holds);

internal sealed record ProgrammeMoneyResponse(
    Guid ProgrammeId,
    string ProgrammeName,
    string FunderName,
    string Status,
    string RegionCode,
    string MonthFrom,
    string MonthTo,
    long Ceiling,
    long Committed,
    long Billed,
    long PendingAdjustments,
    long Paid,
    long RefundsOwed,
    long Outstanding,
    long Received,
    long Unallocated,
    long Remaining,
    IReadOnlyList<MoneyInvariant> Invariants,
    IReadOnlyList<BillSummary> Bills);

/// <summary>
/// A programme's money in one answer: ceiling, committed, billed, paid, refunds owed to the payer, what is still
/// outstanding, payments received and what of them is unallocated — and the invariants the issue demands, each
/// checked against the data rather than assumed: ceiling ≥ committed ≥ billed ≥ paid (net of refunds owed),
/// Σ lines = total on every bill, and every payment either allocated or shown as unallocated.
/// </summary>
public sealed class ProgrammeMoney(NpgsqlDataSource dataSource, CallerContext caller)
{
    internal async Task<Outcome<ProgrammeMoneyResponse>> ExecuteAsync(Guid programmeId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var programme = await BillingProgramme.FindAsync(conn, tx, programmeId, caller.Scope, ct);
        if (programme is null)
        {
            return Refusal.NotFound("programme.not_found", "Program tidak ditemukan.");
        }

        var bills = new List<BillSummary>();
        var linesMatchTotals = true;
        await using (var cmd = new NpgsqlCommand("""
            select b.id, b.number, b.month, b.sequence, b.kind, b.total,
                   coalesce((select sum(a.amount) from billing.payment_allocation a where a.bill_id = b.id), 0)::bigint,
                   b.line_count, b.issued_at,
                   (select coalesce(sum(l.amount), 0)::bigint from billing.bill_line l where l.bill_id = b.id),
                   (select count(*)::int from billing.bill_line l where l.bill_id = b.id),
                   (select coalesce(-sum(l.amount), 0)::bigint from billing.bill_line l where l.bill_id = b.id and l.kind = 'refund')
              from billing.bill b where b.programme_id = $1 order by b.month, b.sequence
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var total = r.GetInt64(5);
                var paid = r.GetInt64(6);
                linesMatchTotals &= r.GetInt64(9) == total && r.GetInt32(10) == r.GetInt32(7);
                bills.Add(new BillSummary(r.GetGuid(0), r.GetString(1), r.GetFieldValue<DateOnly>(2).ToString("yyyy-MM"), r.GetInt32(3),
                    r.GetString(4), total, paid, Math.Max(total - paid, 0), r.GetInt32(7), r.GetInt64(11), r.GetFieldValue<DateTimeOffset>(8)));
            }
        }

        long received, allocatedTotal;
        await using (var cmd = new NpgsqlCommand("""
            select coalesce(sum(p.amount), 0)::bigint,
                   coalesce((select sum(a.amount) from billing.payment_allocation a join billing.payment q on q.id = a.payment_id
                             where q.programme_id = $1), 0)::bigint
              from billing.payment p where p.programme_id = $1
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            received = r.GetInt64(0);
            allocatedTotal = r.GetInt64(1);
        }

        // Enrolments and endings since the last bill of a month: what the next billing run will adjust. Until then
        // the commitment is already lower (or higher) than what was billed, and the invariant counts it.
        long pending;
        await using (var cmd = new NpgsqlCommand("""
            with expected as (
                select b.month, sum(b.amount) as amount
                  from programs.billable_month b
                  join registry.worker_identity w on w.id = b.worker_id
                 where b.programme_id = $1 and (w.death_date is null or w.death_date >= b.month)
                 group by b.month
            ),
            billed as (select month, sum(total) as total from billing.bill where programme_id = $1 group by month)
            select coalesce(sum(coalesce(e.amount, 0) - x.total), 0)::bigint from billed x left join expected e on e.month = x.month
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
            pending = (long)(await cmd.ExecuteScalarAsync(ct))!;
        }

        var committed = programme.Committed ?? throw new InvalidOperationException("FindAsync reads the committed total.");
        var billed = bills.Sum(b => b.Total);
        var paidTotal = bills.Sum(b => b.Paid);
        var refunds = bills.Sum(b => b.Refunds);
        var invariants = new List<MoneyInvariant>
        {
            new("money.ceiling_covers_committed", "Pagu ≥ terikat", programme.BudgetCeiling >= committed),
            new("money.committed_covers_billed", "Terikat ≥ ditagih (termasuk penyesuaian yang menunggu)", committed >= billed + pending),
            new("money.billed_covers_paid", "Ditagih ≥ dibayar (setelah pengembalian)", billed >= paidTotal - refunds),
            new("money.lines_sum_to_totals", "Jumlah baris = total tagihan, untuk setiap tagihan", linesMatchTotals),
            new("money.payments_accounted", "Setiap pembayaran teralokasi atau tampil sebagai belum teralokasi",
                allocatedTotal == paidTotal && received - allocatedTotal >= 0),
        };
        await tx.CommitAsync(ct);
        return new ProgrammeMoneyResponse(programme.Id, programme.Name, programme.FunderName, programme.Status,
            programme.RegionCode, programme.MonthFrom.ToString(), programme.MonthTo.ToString(), programme.BudgetCeiling, committed, billed, pending, paidTotal, refunds,
            bills.Sum(b => b.Outstanding), received, received - allocatedTotal, programme.BudgetCeiling - committed,
            invariants, bills);
    }
}
