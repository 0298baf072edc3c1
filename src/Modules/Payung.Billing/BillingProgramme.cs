using Npgsql;
using Payung.Shared;

namespace Payung.Billing;

/// <summary>
/// A programme as Billing reads it, through <c>programs.programme_billing</c> (the Programs contract view).
/// <see cref="Committed"/> (the sum of its enrolments' commitments) is read for one programme only: listing the billable
/// programmes leaves it null, since summing every enrolment of the country took a second and no run needs it.
/// </summary>
internal sealed record BillingProgramme(
    Guid Id,
    string Name,
    Guid FunderId,
    string FunderName,
    string FundingSource,
    long BudgetCeiling,
    ContributionMonth MonthFrom,
    ContributionMonth MonthTo,
    string Status,
    string RegionCode,
    string? RegencyCode,
    long? Committed)
{
    private const string ListColumns =
        "id, name, funder_id, funder_name, funding_source, budget_ceiling, month_from, month_to, status, region_code, regency_code";

    private const string Columns = ListColumns + ", committed";

    /// <summary>Draft programmes are not billed; active and closed ones are, for their months.</summary>
    public bool IsBillable => Status is "active" or "closed";

    public static async Task<BillingProgramme?> FindAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid id, CallerScope scope, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"select {Columns} from programs.programme_billing where id = $1 and {ScopeSql.ProgrammePredicate(2)}", conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        ScopeSql.AddParameters(cmd, scope);
        return (await ReadAsync(cmd, ct)).SingleOrDefault();
    }

    public static async Task<IReadOnlyList<BillingProgramme>> ListBillableAsync(NpgsqlConnection conn, CallerScope scope, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"""
            select {ListColumns}, null::bigint from programs.programme_billing
             where status in ('active', 'closed') and {ScopeSql.Predicate("regency_code", "region_code", 1)}
             order by id
            """,
            conn);
        ScopeSql.AddParameters(cmd, scope);
        return await ReadAsync(cmd, ct);
    }

    private static async Task<List<BillingProgramme>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<BillingProgramme>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add(new BillingProgramme(
                r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetString(3), r.GetString(4), r.GetInt64(5),
                ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(6)), ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(7)),
                r.GetString(8), r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetInt64(11)));
        }

        return list;
    }
}
