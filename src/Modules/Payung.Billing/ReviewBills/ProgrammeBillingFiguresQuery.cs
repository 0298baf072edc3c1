using Npgsql;
using Payung.Programs.Contracts;

namespace Payung.Billing.ReviewBills;

/// <summary>Billing's side of <see cref="IProgrammeBilling"/>: billed, paid, refunds owed and unallocated money of one programme.</summary>
internal sealed class ProgrammeBillingFiguresQuery(NpgsqlDataSource dataSource) : IProgrammeBilling
{
    public async Task<ProgrammeBillingFigures> FiguresAsync(Guid programmeId, CancellationToken ct) =>
        (await FiguresAsync([programmeId], ct))[programmeId];

    public async Task<IReadOnlyDictionary<Guid, ProgrammeBillingFigures>> FiguresAsync(IReadOnlyCollection<Guid> programmeIds, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            select p.id,
                   coalesce((select sum(total) from billing.bill where programme_id = p.id), 0)::bigint,
                   coalesce((select sum(a.amount) from billing.payment_allocation a join billing.bill b on b.id = a.bill_id
                             where b.programme_id = p.id), 0)::bigint,
                   coalesce((select -sum(l.amount) from billing.bill_line l join billing.bill b on b.id = l.bill_id
                             where b.programme_id = p.id and l.kind = 'refund'), 0)::bigint,
                   coalesce((select sum(pay.amount) from billing.payment pay where pay.programme_id = p.id), 0)::bigint
              from unnest($1::uuid[]) as p (id)
            """);
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = programmeIds.Distinct().ToArray() });
        var figures = new Dictionary<Guid, ProgrammeBillingFigures>(programmeIds.Count);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var paid = r.GetInt64(2);
            figures[r.GetGuid(0)] = new ProgrammeBillingFigures(r.GetInt64(1), paid, r.GetInt64(3), r.GetInt64(4) - paid);
        }

        return figures;
    }
}
