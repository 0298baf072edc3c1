using Npgsql;
using Payung.Shared;

namespace Payung.Billing.CheckProtection;

internal sealed record FundedBy(string Source, Guid? ProgrammeId, string? ProgrammeName, string? FunderName);

/// <summary>
/// Reads one worker's protection ledger, with the names of the programmes in it when asked: the worker's ledger rows
/// (primary-key range scan) and, for each month a programme has billed but no money has reached yet, the funded month
/// as an unpaid programme month — the ledger gets a programme month's row with the first money for it
/// (<c>PaymentAllocator</c>), so a billing run writes bills only. Months after the worker's death are left out of the
/// second part, as the bills leave them out.
/// </summary>
internal static class WorkerLedger
{
    private const string Columns = "c.month, c.source, c.programme_id, c.amount_due, c.amount_paid, c.paid_on, c.backdate_status";

    private const string Months = """
        select c.month, c.source, c.programme_id, c.amount_due, c.amount_paid, c.paid_on, c.backdate_status
          from billing.contribution c
         where c.worker_id = $1 and ($2::date is null or c.month <= $2)
        union all
        select f.month, 'programme', f.programme_id, f.amount, 0::bigint, null::date, null::text
          from programs.billable_month f
         where f.worker_id = $1 and ($2::date is null or f.month <= $2)
           and exists (select 1 from billing.bill b where b.programme_id = f.programme_id and b.month = f.month)
           and not exists (select 1 from billing.contribution x where x.worker_id = $1 and x.month = f.month)
           and not exists (select 1 from registry.worker_identity w where w.id = $1 and w.death_date < f.month)
        """;

    public static async Task<List<LedgerMonth>> ReadAsync(NpgsqlConnection conn, Guid workerId, ContributionMonth? upTo, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select {Columns}
              from ({Months}) c
             order by c.month
            """, conn);
        AddParameters(cmd.Parameters, workerId, upTo);
        var months = new List<LedgerMonth>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            months.Add(ReadMonth(r));
        }

        return months;
    }

    /// <summary>
    /// What a verdict needs after the worker, in ONE round trip (a batch): the ledger up to <paramref name="upTo"/> (all of it
    /// when null) with each programme month's programme and funder names, and the protection rules. The protection
    /// API answers per request, so its cost is mostly round trips, not the primary-key range scan itself. The names come
    /// from a LATERAL … LIMIT 1 lookup per ledger month (at most a few dozen): a plain join lets the planner hash all the
    /// programmes and funders of the country for every request once there are more than a handful.
    /// </summary>
    public static async Task<(List<LedgerMonth> Ledger, Dictionary<Guid, FundedBy> Programmes, IReadOnlyList<ProtectionRule> Rules, DateOnly? MembershipStart)> ReadWithRulesAsync(
        NpgsqlConnection conn, Guid workerId, ContributionMonth? upTo, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(conn);
        var ledger = new NpgsqlBatchCommand($"""
            select {Columns}, p.name, p.funder_name
              from ({Months}) c
              left join lateral (select name, funder_name from programs.programme_billing where id = c.programme_id limit 1) p on true
             order by c.month
            """);
        AddParameters(ledger.Parameters, workerId, upTo);
        batch.BatchCommands.Add(ledger);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(ProtectionRule.SelectAll));
        var start = new NpgsqlBatchCommand(MembershipStartSql);
        start.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workerId });
        batch.BatchCommands.Add(start);
        var months = new List<LedgerMonth>();
        var programmes = new Dictionary<Guid, FundedBy>();
        await batch.PrepareAsync(ct);
        await using var r = await batch.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var month = ReadMonth(r);
            months.Add(month);
            if (month.ProgrammeId is { } id && !r.IsDBNull(7))
            {
                programmes[id] = new FundedBy("programme", id, r.GetString(7), r.GetString(8));
            }
        }

        await r.NextResultAsync(ct);
        var rules = await ProtectionRule.ReadAsync(r, ct);
        await r.NextResultAsync(ct);
        var membershipStart = await r.ReadAsync(ct) && !r.IsDBNull(0) ? r.GetFieldValue<DateOnly>(0) : (DateOnly?)null;
        return (months, programmes, rules, membershipStart);
    }

    /// <summary>The day the worker's membership started: the earliest registration day among its enrolments.</summary>
    public const string MembershipStartSql = "select min(membership_start) from programs.enrollment where worker_id = $1";

    public static async Task<DateOnly?> MembershipStartAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid workerId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(MembershipStartSql, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workerId });
        return await cmd.ExecuteScalarAsync(ct) is DateOnly day ? day : null;
    }

    private static void AddParameters(NpgsqlParameterCollection parameters, Guid workerId, ContributionMonth? upTo)
    {
        parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workerId });
        parameters.Add(new NpgsqlParameter { Value = upTo is { } m ? m.FirstDay : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
    }

    private static LedgerMonth ReadMonth(NpgsqlDataReader r) =>
        new(ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(0)), r.GetString(1), r.IsDBNull(2) ? null : r.GetGuid(2), r.GetInt64(3),
            r.GetInt64(4), r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5), r.IsDBNull(6) ? null : r.GetString(6));

    public static FundedBy? Of(LedgerMonth? entry, IReadOnlyDictionary<Guid, FundedBy> programmes) => entry switch
    {
        null => null,
        { Source: "self_paid" } => new FundedBy("self_paid", null, null, null),
        { ProgrammeId: { } id } => programmes.GetValueOrDefault(id) ?? new FundedBy("programme", id, null, null),
        _ => null,
    };
}
