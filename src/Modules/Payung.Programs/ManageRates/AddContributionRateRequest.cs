namespace Payung.Programs.ManageRates;

/// <summary>
/// A new version of one component's rate: <see cref="Kind"/> <c>percent_of_basis</c> (1 = 1% of the income basis) or
/// <c>flat</c> (rupiah per month), in force from <see cref="EffectiveFrom"/> (yyyy-MM) on, citing its regulation.
/// </summary>
public sealed record AddContributionRateRequest(
    string? Component,
    string? Kind,
    decimal? Value,
    string? EffectiveFrom,
    string? Regulation,
    string? Note);
