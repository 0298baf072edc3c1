using Npgsql;

namespace Payung.Billing.RecordPayment;

/// <summary>Payments with their allocations, as the API shows them.</summary>
internal static class PaymentQueries
{
    private const string Select = """
        select p.id, p.programme_id, p.payer_id, p.method, p.reference, p.paid_on, p.amount,
               coalesce((select sum(a.amount) from billing.payment_allocation a where a.payment_id = p.id), 0)::bigint
          from billing.payment p
        """;

    public static async Task<PaymentResponse?> FindByReferenceAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid payerId,
        string method, string reference, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Select + " where p.payer_id = $1 and p.method = $2 and p.reference = $3", conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = payerId });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = method });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reference });
        return (await ReadAsync(conn, tx, cmd, ct)).SingleOrDefault();
    }

    public static async Task<PaymentResponse?> FindAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid id, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Select + " where p.id = $1", conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        return (await ReadAsync(conn, tx, cmd, ct)).SingleOrDefault();
    }

    public static async Task<List<PaymentResponse>> ListAsync(NpgsqlConnection conn, Guid programmeId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Select + " where p.programme_id = $1 order by p.paid_on, p.created_at", conn);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
        return await ReadAsync(conn, null, cmd, ct);
    }

    private static async Task<List<PaymentResponse>> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, NpgsqlCommand cmd, CancellationToken ct)
    {
        var payments = new List<PaymentResponse>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var amount = r.GetInt64(6);
                var allocated = r.GetInt64(7);
                payments.Add(new PaymentResponse(r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.GetString(3), r.GetString(4),
                    r.GetFieldValue<DateOnly>(5).ToString("yyyy-MM-dd"), amount, allocated, amount - allocated, [], false));
            }
        }

        if (payments.Count == 0)
        {
            return payments;
        }

        await using var a = new NpgsqlCommand("""
            select a.payment_id, a.bill_id, b.number, b.month, a.amount,
                   b.total - (select sum(x.amount) from billing.payment_allocation x where x.bill_id = b.id)
              from billing.payment_allocation a join billing.bill b on b.id = a.bill_id
             where a.payment_id = any ($1)
             order by b.month, b.sequence
            """, conn, tx);
        a.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = payments.Select(p => p.Id).ToArray() });
        var byPayment = new Dictionary<Guid, List<Allocation>>();
        await using (var r = await a.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var list = byPayment.TryGetValue(r.GetGuid(0), out var l) ? l : byPayment[r.GetGuid(0)] = [];
                list.Add(new Allocation(r.GetGuid(1), r.GetString(2), r.GetFieldValue<DateOnly>(3).ToString("yyyy-MM"), r.GetInt64(4),
                    Math.Max(r.GetInt64(5), 0)));
            }
        }

        return payments.Select(p => p with { Allocations = byPayment.GetValueOrDefault(p.Id) ?? [] }).ToList();
    }
}
