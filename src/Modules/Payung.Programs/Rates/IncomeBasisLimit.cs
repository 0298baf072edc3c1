using Payung.Shared;

namespace Payung.Programs.Rates;

/// <summary>The lowest and highest monthly income a BPU participant may declare as the contribution basis.</summary>
internal sealed record IncomeBasisLimit(string Version, Rupiah Min, Rupiah Max, ContributionMonth From, ContributionMonth? To)
{
    public bool AppliesTo(ContributionMonth month) => From <= month && (To is not { } to || month <= to);
}
