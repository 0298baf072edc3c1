using Payung.Programs.Rates;
using Payung.Shared;

namespace Payung.Programs.Contracts;

/// <summary>What a participant paying themselves owes for one month, per component, and which rule versions say so.</summary>
public sealed record SelfPaidQuote(ContributionMonth Month, long Jkk, long Jkm, long Total, string RateVersion);

/// <summary>
/// The Programs module's rate logic for other modules: the monthly JKK+JKM contribution of a participant who pays
/// themselves (funding source <c>SELF_PAID</c>) on the minimum income basis, so the PP 50/2025 discount applies
/// wherever the rate tables say it does. Computed and rounded by <see cref="CalculateContribution"/>, nowhere else.
/// </summary>
public sealed class SelfPaidContribution(RateTableCache rateCache)
{
    public const string FundingSourceCode = "SELF_PAID";

    /// <summary>The occupation sectors a quote may differ by (a worker without one is quoted with null).</summary>
    public static IReadOnlyCollection<string> Sectors => RateTable.Sectors;

    /// <summary>Null when no rate table or no self-paid funding source is in force for the month.</summary>
    public async Task<SelfPaidQuote?> QuoteAsync(ContributionMonth month, string? sector, CancellationToken ct)
    {
        var rates = await rateCache.GetAsync(ct);
        if (rates.FindFundingSource(FundingSourceCode) is not { } source
            || CalculateContribution.ForMonth(rates, [ContributionComponent.Jkk, ContributionComponent.Jkm], null, source, sector, month)
                is not { } quote)
        {
            return null;
        }

        return new SelfPaidQuote(month, quote.Amounts[ContributionComponent.Jkk].Value, quote.Amounts[ContributionComponent.Jkm].Value,
            quote.PerParticipant.Value, quote.RateVersion);
    }
}
