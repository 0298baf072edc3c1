using Payung.Shared;

namespace Payung.Programs.Rates;

/// <summary>A temporary discount such as PP 50/2025; a null sector means it applies to every sector.</summary>
internal sealed record ContributionDiscount(
    string Version,
    string Name,
    IReadOnlySet<ContributionComponent> Components,
    decimal Percent,
    string? Sector,
    ContributionMonth From,
    ContributionMonth To)
{
    public bool AppliesTo(ContributionComponent component, string? sector, ContributionMonth month) =>
        Components.Contains(component) && From <= month && month <= To && (Sector is null || Sector == sector);
}
