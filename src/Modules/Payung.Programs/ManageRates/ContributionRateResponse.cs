namespace Payung.Programs.ManageRates;

/// <summary>One version of a contribution rate; months are yyyy-MM, <see cref="EffectiveTo"/> null while in force.</summary>
public sealed record ContributionRateResponse(
    string Version,
    string Component,
    string Kind,
    decimal Value,
    string EffectiveFrom,
    string? EffectiveTo,
    string Regulation,
    string? Note);
