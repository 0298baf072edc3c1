namespace Payung.Programs.ManageRates;

/// <summary>Every version of every regulated number contributions are computed with.</summary>
public sealed record RatesResponse(
    IReadOnlyList<ContributionRateResponse> ContributionRates,
    IReadOnlyList<IncomeBasisLimitResponse> IncomeBasisLimits,
    IReadOnlyList<ContributionDiscountResponse> Discounts,
    IReadOnlyList<FundingSourceResponse> FundingSources);
