using Npgsql;
using Payung.Programs.Rates;
using Payung.Shared;

namespace Payung.Programs.EnrollWorkers;

/// <summary>
/// The programme row an enrolment or an ending works on, read with <c>for update</c>: the lock serialises every
/// change to one programme's enrolments, so the budget ceiling and the village quota hold under concurrency.
/// </summary>
internal sealed record EnrollmentProgramme(
    Guid Id,
    string Status,
    string FundingSource,
    long BudgetCeiling,
    ContributionMonth MonthFrom,
    ContributionMonth MonthTo,
    bool IncludeJht,
    long? IncomeBasis,
    int? VillageQuota,
    string RegionCode,
    string? RegencyCode,
    long Committed)
{
    public static async Task<EnrollmentProgramme?> LockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            select p.id, p.status, p.funding_source, p.budget_ceiling, p.month_from, p.month_to, p.include_jht,
                   p.income_basis, p.village_quota, p.region_code, p.regency_code
            from programs.programme p where p.id = $1 for update
            """, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        EnrollmentProgramme? programme;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            if (!await r.ReadAsync(ct))
            {
                return null;
            }

            programme = new EnrollmentProgramme(
                r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetInt64(3),
                ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(4)),
                ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(5)),
                r.GetBoolean(6),
                r.IsDBNull(7) ? null : r.GetInt64(7),
                r.IsDBNull(8) ? null : r.GetInt32(8),
                r.GetString(9),
                r.IsDBNull(10) ? null : r.GetString(10),
                0);
        }

        await using var sum = new NpgsqlCommand(
            "select coalesce(sum(committed_amount), 0)::bigint from programs.enrollment where programme_id = $1", conn, tx);
        sum.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        return programme with { Committed = (long)(await sum.ExecuteScalarAsync(ct))! };
    }

    /// <summary>
    /// Programmes are not personal data, but only callers working in the programme's area act on it: its regency
    /// must be theirs, and a district or village operator's area must overlap the programme's region.
    /// </summary>
    public bool IsVisibleTo(CallerScope caller)
    {
        if (caller.AllRegions)
        {
            return true;
        }

        var regency = RegencyCode ?? (RegionCode.Length >= 5 ? RegionCode[..5] : null);
        if (regency is null || !caller.Regencies.Contains(regency))
        {
            return false;
        }

        return caller.Within is not { } within
            || RegionCode.StartsWith(within, StringComparison.Ordinal)
            || within.StartsWith(RegionCode, StringComparison.Ordinal);
    }

    public IReadOnlyList<ContributionComponent> Components => IncludeJht
        ? [ContributionComponent.Jkk, ContributionComponent.Jkm, ContributionComponent.Jht]
        : [ContributionComponent.Jkk, ContributionComponent.Jkm];

    /// <summary>
    /// The contribution of one participant of <paramref name="sector"/> for each month from <paramref name="from"/> to
    /// <paramref name="to"/>; null when a month has no rate in force.
    /// </summary>
    public IReadOnlyList<ContributionQuote>? QuoteMonths(RateTable rates, string sector, ContributionMonth from, ContributionMonth to)
    {
        var source = rates.FindFundingSource(FundingSource)
            ?? throw new InvalidOperationException($"Funding source '{FundingSource}' is not in the rate tables.");
        Rupiah? basis = IncomeBasis is { } b ? Rupiah.Of(b) : null;
        var quotes = new List<ContributionQuote>();
        for (var month = from; month <= to; month = month.PlusMonths(1))
        {
            if (CalculateContribution.ForMonth(rates, Components, basis, source, sector, month) is not { } quote)
            {
                return null;
            }

            quotes.Add(quote);
        }

        return quotes;
    }
}
