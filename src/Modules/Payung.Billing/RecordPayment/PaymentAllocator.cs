using Npgsql;

namespace Payung.Billing.RecordPayment;

internal sealed record Allocation(Guid BillId, string BillNumber, string Month, long Amount, long BillOutstandingAfter);

/// <summary>
/// Puts a payment's unallocated money on a programme's open bills, oldest month and sequence first (or on the bills
/// named), never more than a bill's outstanding amount; what is left stays unallocated on the payment and is shown.
/// A bill's lines count as paid in line order as its money arrives (credit lines of the same bill count as money),
/// and the protection ledger records each worker-month's money (its row is created by the first money to reach it) and
/// marks it paid on the payment's date once it is fully paid.
/// Callers hold the programme's payment lock (<see cref="LockProgrammeAsync"/>) inside their transaction.
/// Known limit: an adjustment bill whose credits outweigh its charges (a late enrolment and a larger ending in one
/// run) has nothing to pay, so money never reaches it and its charge lines stay unpaid in the ledger.
/// </summary>
internal static class PaymentAllocator
{
    public static async Task LockProgrammeAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid programmeId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended('billing.pay:' || $1::text, 0))", conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public sealed record OpenBill(Guid Id, string Number, DateOnly Month, long Total, long Allocated)
    {
        public long Outstanding => Math.Max(Total - Allocated, 0);
    }

    public static async Task<List<OpenBill>> OpenBillsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid programmeId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            select b.id, b.number, b.month, b.total, coalesce(a.allocated, 0)::bigint
              from billing.bill b
              left join (select bill_id, sum(amount) as allocated from billing.payment_allocation group by bill_id) a on a.bill_id = b.id
             where b.programme_id = $1
             order by b.month, b.sequence
            """, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
        var bills = new List<OpenBill>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            bills.Add(new OpenBill(r.GetGuid(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetInt64(3), r.GetInt64(4)));
        }

        return bills;
    }

    /// <summary>Allocates up to <paramref name="available"/> over <paramref name="bills"/> in their order; returns what went where.</summary>
    public static async Task<List<Allocation>> AllocateAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid programmeId, Guid paymentId,
        DateOnly paidOn, long available, IEnumerable<OpenBill> bills, DateTimeOffset now, CancellationToken ct)
    {
        var allocations = new List<Allocation>();
        foreach (var bill in bills)
        {
            if (available <= 0)
            {
                break;
            }

            var amount = Math.Min(available, bill.Outstanding);
            if (amount <= 0)
            {
                continue;
            }

            await using (var cmd = new NpgsqlCommand("""
                insert into billing.payment_allocation (payment_id, bill_id, amount, allocated_at) values ($1, $2, $3, $4)
                on conflict (payment_id, bill_id) do update set amount = billing.payment_allocation.amount + excluded.amount
                """, conn, tx))
            {
                cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = paymentId });
                cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = bill.Id });
                cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = amount });
                cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
                await cmd.ExecuteNonQueryAsync(ct);
            }

            await MarkLinesPaidAsync(conn, tx, programmeId, bill.Id, bill.Allocated, bill.Allocated + amount, paidOn, now, ct);
            available -= amount;
            allocations.Add(new Allocation(bill.Id, bill.Number, bill.Month.ToString("yyyy-MM"), amount, bill.Outstanding - amount));
        }

        return allocations;
    }

    /// <summary>
    /// One statement: the bill's charge lines whose running total now lies within the money received (allocations
    /// plus the bill's own credit lines) and did not before add their amount to the worker's ledger month — created
    /// here the first time money reaches it, with what the programme's bills of the month charge the worker as its
    /// amount due — which becomes paid on <paramref name="paidOn"/> when its amount due is met. A month the ledger
    /// holds for another payer (the worker's own statement) is left alone.
    /// </summary>
    private static async Task MarkLinesPaidAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid programmeId, Guid billId,
        long before, long after, DateOnly paidOn, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            with credit as (
                select coalesce(-sum(amount), 0)::bigint as c from billing.bill_line where bill_id = $1 and amount < 0
            ),
            covered as (
                select l.worker_id, l.month, l.amount, l.village_code, l.regency_code, sum(l.amount) over (order by l.line_no) as run
                  from billing.bill_line l where l.bill_id = $1 and l.amount > 0
            ),
            due as (
                -- What the programme's bills of the month charge each worker, over all of them (regular and adjustments).
                select l.worker_id, sum(l.amount)::bigint as amount
                  from billing.bill b
                  join billing.bill_line l on l.bill_id = b.id
                 where b.programme_id = $6 and b.month = (select month from billing.bill where id = $1)
                 group by l.worker_id
            )
            insert into billing.contribution as c (worker_id, month, source, programme_id, amount_due, amount_paid, paid_on,
                                                   village_code, regency_code, updated_at)
            select v.worker_id, v.month, 'programme', $6, greatest(d.amount, 0), v.amount,
                   case when v.amount >= d.amount then $4 end, v.village_code, v.regency_code, $5
              from covered v
              cross join credit
              join due d on d.worker_id = v.worker_id
             where v.run > (case when $2 = 0 then 0 else $2 + credit.c end) and v.run <= $3 + credit.c
             order by v.worker_id
            on conflict (worker_id, month) do update
               set amount_paid = c.amount_paid + excluded.amount_paid,
                   paid_on = case when c.paid_on is null and c.amount_paid + excluded.amount_paid >= c.amount_due then $4 else c.paid_on end,
                   updated_at = excluded.updated_at
             where c.programme_id = $6
            """, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = billId });
        cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = before });
        cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = paidOn });
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
