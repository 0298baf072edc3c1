using Npgsql;
using Payung.Shared;

namespace Payung.Billing.CheckProtection;

internal sealed record FundedBy(string Source, Guid? ProgrammeId, string? ProgrammeName, string? FunderName);

/// <summary>Reads one worker's protection ledger (primary-key range scan) and the names of the programmes in it.</summary>
internal static class WorkerLedger
{
    public static async Task<List<LedgerMonth>> ReadAsync(NpgsqlConnection conn, Guid workerId, ContributionMonth? upTo, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            select month, source, programme_id, amount_due, amount_paid, paid_on, backdate_status
              from billing.contribution
             where worker_id = $1 and ($2::date is null or month <= $2)
             order by month
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workerId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = upTo is { } m ? m.FirstDay : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
        var months = new List<LedgerMonth>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            months.Add(new LedgerMonth(ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(0)), r.GetString(1),
                r.IsDBNull(2) ? null : r.GetGuid(2), r.GetInt64(3), r.GetInt64(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5), r.IsDBNull(6) ? null : r.GetString(6)));
        }

        return months;
    }

    public static async Task<Dictionary<Guid, FundedBy>> ProgrammesAsync(NpgsqlConnection conn, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToArray();
        var names = new Dictionary<Guid, FundedBy>();
        if (list.Length == 0)
        {
            return names;
        }

        await using var cmd = new NpgsqlCommand("select id, name, funder_name from programs.programme_billing where id = any ($1)", conn);
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = list });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            names[r.GetGuid(0)] = new FundedBy("programme", r.GetGuid(0), r.GetString(1), r.GetString(2));
        }

        return names;
    }

    public static FundedBy? Of(LedgerMonth? entry, IReadOnlyDictionary<Guid, FundedBy> programmes) => entry switch
    {
        null => null,
        { Source: "self_paid" } => new FundedBy("self_paid", null, null, null),
        { ProgrammeId: { } id } => programmes.GetValueOrDefault(id) ?? new FundedBy("programme", id, null, null),
        _ => null,
    };
}
