using Payung.Shared;

namespace Payung.Programs.Rates;

/// <summary>One row of <c>programs.contribution_rate</c>: a percentage of the income basis or a flat amount.</summary>
internal sealed record ContributionRate(
    string Version,
    ContributionComponent Component,
    bool IsPercentOfBasis,
    decimal Value,
    ContributionMonth From,
    ContributionMonth? To)
{
    public bool AppliesTo(ContributionMonth month) => From <= month && (To is not { } to || month <= to);
}
