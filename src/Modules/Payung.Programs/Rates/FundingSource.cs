namespace Payung.Programs.Rates;

/// <summary>
/// Where contribution money comes from. PP 50/2025 excludes contributions paid from APBN/APBD; for village funds,
/// CSR and others that is unconfirmed, so <see cref="DiscountAssumption"/> says which guess is in force.
/// </summary>
internal sealed record FundingSource(string Code, string Name, bool DiscountApplies, string? DiscountAssumption);
