namespace Payung.Programs.Rates;

/// <summary>
/// Where contribution money comes from. PP 50/2025 excludes only contributions paid from the APBN or an APBD, so CSR
/// and self-paid money get its discount; whether village funds (Dana Desa from the APBN, ADD from the APBD) count as
/// APBN/APBD is unconfirmed, and <see cref="DiscountAssumption"/> says which guess is in force for a source.
/// </summary>
internal sealed record FundingSource(string Code, string Name, bool DiscountApplies, string? DiscountAssumption);
