using Npgsql;
using Payung.Programs.Contracts;

namespace Payung.Billing.ReviewBills;

/// <summary>Billing's side of <see cref="IProgrammeBilling"/>: billed, paid, refunds owed and unallocated money of one programme.</summary>
internal sealed class ProgrammeBillingFiguresQuery(NpgsqlDataSource dataSource) : IProgrammeBilling
{
    public async Task<ProgrammeBillingFigures> FiguresAsync(Guid programmeId, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            select coalesce((select sum(total) from billing.bill where programme_id = $1), 0)::bigint,
                   coalesce((select sum(a.amount) from billing.payment_allocation a join billing.bill b on b.id = a.bill_id
                             where b.programme_id = $1), 0)::bigint,
                   coalesce((select -sum(l.amount) from billing.bill_line l join billing.bill b on b.id = l.bill_id
                             where b.programme_id = $1 and l.kind = 'refund'), 0)::bigint,
                   coalesce((select sum(p.amount) from billing.payment p where p.programme_id = $1), 0)::bigint
            """);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        var paid = r.GetInt64(1);
        return new ProgrammeBillingFigures(r.GetInt64(0), paid, r.GetInt64(2), r.GetInt64(3) - paid);
    }
}
