using Payung.Shared;

namespace Payung.Programs.Rates;

/// <summary>A snapshot of the rate tables in memory: everything a contribution calculation needs, no database.</summary>
internal sealed class RateTable(
    IReadOnlyList<ContributionRate> rates,
    IReadOnlyList<IncomeBasisLimit> basisLimits,
    IReadOnlyList<ContributionDiscount> discounts,
    IReadOnlyList<FundingSource> fundingSources)
{
    /// <summary>The occupation sectors of the registry (the check on <c>registry.occupation.sector</c>).</summary>
    public static readonly IReadOnlySet<string> Sectors =
        new HashSet<string>(StringComparer.Ordinal) { "general", "transport", "agriculture", "fishery", "community" };

    public IReadOnlyList<FundingSource> FundingSources => fundingSources;

    public ContributionRate? RateFor(ContributionComponent component, ContributionMonth month) =>
        rates.Where(r => r.Component == component && r.AppliesTo(month)).MaxBy(r => r.From);

    public IncomeBasisLimit? BasisLimitFor(ContributionMonth month) =>
        basisLimits.Where(l => l.AppliesTo(month)).MaxBy(l => l.From);

    public FundingSource? FindFundingSource(string code) =>
        fundingSources.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.Ordinal));

    /// <summary>
    /// The discount on one component in one month. Overlapping discounts (PP 50/2025's general and transport
    /// periods) do not stack: the largest one applies.
    /// </summary>
    public ContributionDiscount? DiscountFor(ContributionComponent component, string? sector, ContributionMonth month) =>
        discounts.Where(d => d.AppliesTo(component, sector, month))
            .OrderByDescending(d => d.Percent)
            .ThenBy(d => d.Sector is null) // the sector-specific rule names the reason more precisely
            .FirstOrDefault();
}
