namespace Payung.Programs.ManageRates;

/// <summary>A funding source and whether contribution discounts apply to its money; the assumption says when that is a guess.</summary>
public sealed record FundingSourceResponse(string Code, string Name, bool DiscountApplies, string? DiscountAssumption);
