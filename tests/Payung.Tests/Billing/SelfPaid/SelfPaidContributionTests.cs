using Microsoft.Extensions.DependencyInjection;
using Payung.Programs.Contracts;
using Payung.Shared;

namespace Payung.Tests.Billing.SelfPaid;

/// <summary>
/// The self-paid amount from the Programs rate tables (0007_rates.sql): PP 50/2025 halves JKK and JKM for BPU
/// contribution months April–December 2026 (transport workers January 2026–March 2027), and self-paid money is not
/// APBN/APBD, so the discount applies. On the minimum basis: JKK Rp10,000 + JKM Rp6,800 = Rp16,800, halved Rp8,400.
/// </summary>
public sealed class SelfPaidContributionTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    [Theory]
    [InlineData("2026-03", null, 10_000, 6_800)]
    [InlineData("2026-04", null, 5_000, 3_400)]
    [InlineData("2026-12", null, 5_000, 3_400)]
    [InlineData("2027-01", null, 10_000, 6_800)]
    [InlineData("2027-01", "transport", 5_000, 3_400)]
    [InlineData("2027-03", "transport", 5_000, 3_400)]
    [InlineData("2027-04", "transport", 10_000, 6_800)]
    public async Task Quote_FollowsThePp50DiscountPeriod(string month, string? sector, long jkk, long jkm)
    {
        var quote = await factory.Services.GetRequiredService<SelfPaidContribution>()
            .QuoteAsync(ContributionMonth.Parse(month), sector, CancellationToken.None);

        Assert.NotNull(quote);
        Assert.Equal((jkk, jkm, jkk + jkm), (quote.Jkk, quote.Jkm, quote.Total));
        Assert.Equal(jkk == 5_000, quote.RateVersion.Contains("PP50/2025", StringComparison.Ordinal));
    }
}
