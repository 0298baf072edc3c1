namespace Payung.Programs.ManageRates;

/// <summary>
/// Whether contribution discounts (PP 50/2025) apply to money from a funding source, and the assumption behind it
/// when the regulation does not settle it (empty: settled).
/// </summary>
public sealed record SetFundingSourceDiscountRequest(bool? DiscountApplies, string? Assumption);
