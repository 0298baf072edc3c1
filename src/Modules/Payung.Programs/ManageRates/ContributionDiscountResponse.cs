namespace Payung.Programs.ManageRates;

/// <summary>A temporary contribution discount (PP 50/2025); a null sector means every sector.</summary>
public sealed record ContributionDiscountResponse(
    string Version,
    string Name,
    IReadOnlyList<string> Components,
    decimal Percent,
    string? Sector,
    string MonthFrom,
    string MonthTo,
    string Regulation);
