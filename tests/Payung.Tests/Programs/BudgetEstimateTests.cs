using System.Net;
using System.Net.Http.Json;
using Payung.Programs.Rates;
using Payung.Shared;
using Payung.Tests.Regions;

namespace Payung.Tests.Programs;

/// <summary>
/// <c>POST /api/v1/budget/estimate</c> against the seeded rate tables: the real programmes of DOMAIN.md and the
/// PP 50/2025 discount periods, each on the month before, of and after its boundary.
/// </summary>
public sealed class BudgetEstimateTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private sealed record MonthDto(string Month, long PerParticipant, long Total, string RateVersion, long IncomeBasis, string IncomeBasisRule);

    private sealed record EstimateDto(
        long PerParticipantMonthly, long MonthlyTotal, long Total, List<MonthDto> Months,
        long? AffordableParticipants, int? AffordableMonths, long? Remainder, string? DiscountAssumption,
        long IncomeBasis, string IncomeBasisRule, string IncomeBasisMessage);

    private static object Request(
        int participants, string startMonth, int months, string fundingSource, string[]? package = null,
        long? incomeBasis = null, string? sector = null, long? budget = null) =>
        new { participants, startMonth, months, fundingSource, package = package ?? ["JKK", "JKM"], incomeBasis, sector, budget };

    private async Task<EstimateDto> EstimateAsync(object request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/budget/estimate", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EstimateDto>())!;
    }

    [Fact]
    public async Task Estimate_LampungSelatan4465WorkersFor5MonthsFromApbd_Costs375060000()
    {
        var estimate = await EstimateAsync(Request(4465, "2025-05", 5, "APBD"));

        Assert.Equal(16_800, estimate.PerParticipantMonthly);
        Assert.Equal(75_012_000, estimate.MonthlyTotal);
        Assert.Equal(375_060_000, estimate.Total);
        Assert.Equal(["2025-05", "2025-06", "2025-07", "2025-08", "2025-09"], estimate.Months.Select(m => m.Month));
        Assert.All(estimate.Months, m => Assert.Equal("JKK@2015-07;JKM@2015-07", m.RateVersion));
        Assert.Null(estimate.AffordableParticipants);
        Assert.Null(estimate.AffordableMonths);
        Assert.Null(estimate.Remainder);
    }

    [Fact]
    public async Task Estimate_BangkaSelatan1768WorkersFor6MonthsFromApbd_Costs178214400()
    {
        var estimate = await EstimateAsync(Request(1768, "2025-09", 6, "APBD"));

        Assert.Equal(178_214_400, estimate.Total);
        Assert.Equal("2026-02", estimate.Months[^1].Month);
    }

    [Fact]
    public async Task Estimate_Kaur7100WorkersFor1Month_Costs119280000()
    {
        var estimate = await EstimateAsync(Request(7100, "2024-12", 1, "APBD"));

        Assert.Equal(119_280_000, estimate.Total);
    }

    [Fact]
    public async Task Estimate_KaurWithBudget300Juta_Covers2MonthsOr17857WorkersFor1Month()
    {
        var estimate = await EstimateAsync(Request(7100, "2024-12", 1, "APBD", budget: 300_000_000));

        Assert.Equal(2, estimate.AffordableMonths);
        Assert.Equal(17_857, estimate.AffordableParticipants);
        Assert.Equal(300_000_000 - 17_857 * 16_800, estimate.Remainder);
    }

    [Fact]
    public async Task Estimate_BudgetSmallerThanOneParticipant_CoversNothingAndKeepsItAll()
    {
        var estimate = await EstimateAsync(Request(10, "2025-01", 2, "APBD", budget: 33_599));

        Assert.Equal(0, estimate.AffordableParticipants);
        Assert.Equal(0, estimate.AffordableMonths);
        Assert.Equal(33_599, estimate.Remainder);
    }

    [Fact]
    public async Task Estimate_Lahat100WorkersIn360VillagesFromAlokasiDanaDesa_GetsNoDiscountByDefaultAndSaysSo()
    {
        var estimate = await EstimateAsync(Request(100 * 360, "2026-01", 12, "APBDES_ADD"));

        Assert.Equal(7_257_600_000, estimate.Total);
        Assert.All(estimate.Months, m => Assert.Equal(16_800, m.PerParticipant));
        Assert.StartsWith("Asumsi belum dikonfirmasi: Alokasi Dana Desa berasal dari APBD", estimate.DiscountAssumption, StringComparison.Ordinal);
    }

    // PP 50/2025 excludes APBN/APBD money only: CSR and other non-state money get it by the regulation's text, the
    // village funds (Dana Desa from the APBN, ADD from the APBD) by a setting that says it is an assumption.
    // OTHER is pinned in ManageRatesTests, whose test of the setting changes it for a moment.
    [Theory]
    [InlineData("APBD", 16_800, 16_800, null)]
    [InlineData("APBD_P", 16_800, 16_800, null)]
    [InlineData("DBH_CHT", 16_800, 16_800, null)]
    [InlineData("APBDES_ADD", 16_800, 16_800, "Asumsi belum dikonfirmasi: Alokasi Dana Desa berasal dari APBD")]
    [InlineData("DANA_DESA", 16_800, 16_800, "Asumsi belum dikonfirmasi: Dana Desa berasal dari APBN")]
    [InlineData("CSR", 16_800, 8_400, null)]
    [InlineData("SELF_PAID", 16_800, 8_400, null)]
    public async Task Estimate_EverySeededFundingSource_GetsPp50OnlyWhenItIsNotApbnOrApbdMoney(
        string fundingSource, long march2026, long may2026, string? assumptionStart)
    {
        var outside = await EstimateAsync(Request(1, "2026-03", 1, fundingSource));
        var inside = await EstimateAsync(Request(1, "2026-05", 1, fundingSource));

        Assert.Equal((march2026, may2026), (outside.PerParticipantMonthly, inside.PerParticipantMonthly));
        Assert.Equal(may2026 == 8_400, inside.Months[0].RateVersion.EndsWith(";PP50/2025", StringComparison.Ordinal));
        if (assumptionStart is null)
        {
            Assert.Null(inside.DiscountAssumption);
        }
        else
        {
            Assert.StartsWith(assumptionStart, inside.DiscountAssumption, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("SELF_PAID", null, "2026-03", 16_800)]
    [InlineData("SELF_PAID", null, "2026-04", 8_400)]
    [InlineData("SELF_PAID", null, "2026-12", 8_400)]
    [InlineData("SELF_PAID", null, "2027-01", 16_800)]
    [InlineData("SELF_PAID", "transport", "2025-12", 16_800)]
    [InlineData("SELF_PAID", "transport", "2026-01", 8_400)]
    [InlineData("SELF_PAID", "transport", "2027-03", 8_400)]
    [InlineData("SELF_PAID", "transport", "2027-04", 16_800)]
    [InlineData("SELF_PAID", "agriculture", "2026-01", 16_800)]
    [InlineData("APBD", null, "2026-06", 16_800)]
    [InlineData("APBD_P", null, "2026-06", 16_800)]
    [InlineData("DBH_CHT", "transport", "2026-06", 16_800)]
    public async Task Estimate_Pp50Of2025_HalvesJkkAndJkmOnlyInItsPeriodAndNotFromApbd(
        string fundingSource, string? sector, string month, long expected)
    {
        var estimate = await EstimateAsync(Request(1, month, 1, fundingSource, sector: sector));

        Assert.Equal(expected, estimate.PerParticipantMonthly);
        Assert.Equal(expected == 8_400, estimate.Months[0].RateVersion.Contains("PP50/2025", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Estimate_DiscountedMonths_NameTheRegulationInTheRateVersion()
    {
        var estimate = await EstimateAsync(Request(1, "2026-03", 2, "SELF_PAID"));

        Assert.Equal("JKK@2015-07;JKM@2015-07", estimate.Months[0].RateVersion);
        Assert.Equal("JKK@2015-07;JKM@2015-07;PP50/2025", estimate.Months[1].RateVersion);
        Assert.Equal(16_800 + 8_400, estimate.Total);
    }

    [Fact]
    public async Task Estimate_WithJhtAtMinimumBasis_Costs36800()
    {
        var estimate = await EstimateAsync(Request(1, "2025-05", 1, "APBD", ["JKK", "JKM", "JHT"]));

        Assert.Equal(36_800, estimate.PerParticipantMonthly);
        Assert.Equal("JKK@2015-07;JKM@2015-07;JHT@2015-07", estimate.Months[0].RateVersion);
    }

    [Fact]
    public async Task Estimate_WithJhtInDiscountPeriod_DiscountsOnlyJkkAndJkm()
    {
        var estimate = await EstimateAsync(Request(1, "2026-06", 1, "SELF_PAID", ["JKK", "JKM", "JHT"]));

        Assert.Equal(8_400 + 20_000, estimate.PerParticipantMonthly);
    }

    [Fact]
    public async Task Estimate_AtMaximumBasis_Charges1PercentJkkAnd2PercentJht()
    {
        var estimate = await EstimateAsync(Request(1, "2025-05", 1, "APBD", ["JKK", "JKM", "JHT"], incomeBasis: 20_700_000));

        Assert.Equal(207_000 + 6_800 + 414_000, estimate.PerParticipantMonthly);
    }

    [Fact]
    public async Task Estimate_DiscountPeriodInsideTheRequestedMonths_AffordableMonthsFollowsTheMonthlyCost()
    {
        // 2026-03 full price, then discounted: 16,800 + 8,400 + 8,400 = 33,600 covers three months exactly.
        var estimate = await EstimateAsync(Request(1, "2026-03", 1, "SELF_PAID", budget: 33_600));

        Assert.Equal(3, estimate.AffordableMonths);
        Assert.Equal(2, estimate.AffordableParticipants);
        Assert.Equal(0, estimate.Remainder);
    }

    // JKK 1% + JKM Rp6,800 + JHT 2% of the basis, each rounded: the amounts barely move near a limit, the basis does.
    [Theory]
    [InlineData(null, 1_000_000, "income.not_reported", 36_800)]
    [InlineData(999_999L, 1_000_000, "income.below_minimum", 36_800)]
    [InlineData(1_000_000L, 1_000_000, "income.reported", 36_800)]
    [InlineData(1_000_001L, 1_000_001, "income.reported", 36_800)]
    [InlineData(1_234_550L, 1_234_550, "income.reported", 12_346 + 6_800 + 24_691)]
    [InlineData(20_699_999L, 20_699_999, "income.reported", 627_800)]
    [InlineData(20_700_000L, 20_700_000, "income.reported", 627_800)]
    [InlineData(20_700_001L, 20_700_000, "income.above_maximum", 627_800)]
    [InlineData(150_000_000L, 20_700_000, "income.above_maximum", 627_800)]
    public async Task Estimate_MonthlyIncome_IsPlacedOnTheBasisAndTheAnswerSaysWhichBasis(
        long? monthlyIncome, long basis, string rule, long perParticipant)
    {
        var estimate = await EstimateAsync(new
        {
            participants = 1, startMonth = "2025-05", months = 2, fundingSource = "APBD", package = new[] { "JKK", "JKM", "JHT" }, monthlyIncome,
        });

        Assert.Equal((basis, rule, perParticipant), (estimate.IncomeBasis, estimate.IncomeBasisRule, estimate.PerParticipantMonthly));
        Assert.All(estimate.Months, m => Assert.Equal((basis, rule), (m.IncomeBasis, m.IncomeBasisRule)));
        Assert.Contains(Rupiah.Of(basis).ToString(), estimate.IncomeBasisMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(999_999L, "Penghasilan Rp999.999 di bawah dasar upah terendah: iuran dihitung dari dasar upah terendah Rp1.000.000.")]
    [InlineData(20_700_001L, "Penghasilan Rp20.700.001 di atas dasar upah tertinggi: iuran dihitung dari dasar upah tertinggi Rp20.700.000.")]
    [InlineData(2_500_000L, "Iuran dihitung dari penghasilan yang dilaporkan, Rp2.500.000.")]
    [InlineData(null, "Penghasilan tidak diisi: iuran dihitung dari dasar upah terendah Rp1.000.000.")]
    public async Task Estimate_IncomeBasisMessage_SaysInIndonesianWhichBasisWasUsed(long? incomeBasis, string message)
    {
        var estimate = await EstimateAsync(Request(1, "2025-05", 1, "APBD", incomeBasis: incomeBasis));

        Assert.Equal(message, estimate.IncomeBasisMessage);
    }

    [Fact]
    public async Task Estimate_OlderFieldNameIncomeBasis_IsPlacedLikeMonthlyIncome()
    {
        var estimate = await EstimateAsync(Request(1, "2025-05", 1, "APBD", ["JKK", "JKM", "JHT"], incomeBasis: 25_000_000));

        Assert.Equal((20_700_000, "income.above_maximum", 207_000 + 6_800 + 414_000),
            (estimate.IncomeBasis, estimate.IncomeBasisRule, estimate.PerParticipantMonthly));
    }

    [Theory]
    [InlineData("\"1.500.000\"")] // a quoted plain number is read as one (web JSON defaults); dotted thousands are not
    [InlineData("\"satu juta\"")]
    [InlineData("1500000.5")]
    [InlineData("true")]
    public async Task Estimate_NonNumericMonthlyIncome_Returns400RequestMalformed(string income)
    {
        using var content = new StringContent(
            $$"""{"participants":1,"startMonth":"2025-05","months":1,"fundingSource":"APBD","package":["JKK","JKM"],"monthlyIncome":{{income}}}""",
            System.Text.Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/v1/budget/estimate", content);

        await RegionsApiTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed");
    }

    public static TheoryData<string> BadRequests() => new()
    {
        """{"participants":0,"startMonth":"2025-05","months":5,"fundingSource":"APBD","package":["JKK","JKM"]}""",
        """{"participants":10000001,"startMonth":"2025-05","months":5,"fundingSource":"APBD","package":["JKK","JKM"]}""",
        """{"startMonth":"2025-05","months":5,"fundingSource":"APBD","package":["JKK","JKM"]}""",
        """{"participants":10,"startMonth":"2025-05","months":0,"fundingSource":"APBD","package":["JKK","JKM"]}""",
        """{"participants":10,"startMonth":"2025-05","months":61,"fundingSource":"APBD","package":["JKK","JKM"]}""",
        """{"participants":10,"startMonth":"2025-13","months":5,"fundingSource":"APBD","package":["JKK","JKM"]}""",
        """{"participants":10,"startMonth":"2015-06","months":1,"fundingSource":"APBD","package":["JKK","JKM"]}""",
        """{"participants":10,"startMonth":"2999-12","months":2,"fundingSource":"APBD","package":["JKK","JKM"]}""",
        """{"participants":10,"startMonth":"2025-05","months":5,"fundingSource":"APBN","package":["JKK","JKM"]}""",
        """{"participants":10,"startMonth":"2025-05","months":5,"package":["JKK","JKM"]}""",
        """{"participants":10,"startMonth":"2025-05","months":5,"fundingSource":"APBD","package":["JKK"]}""",
        """{"participants":10,"startMonth":"2025-05","months":5,"fundingSource":"APBD","package":["JKK","JKM","JP"]}""",
        """{"participants":10,"startMonth":"2025-05","months":5,"fundingSource":"APBD"}""",
        """{"participants":10,"startMonth":"2025-05","months":5,"fundingSource":"APBD","package":["JKK","JKM"],"monthlyIncome":0}""",
        """{"participants":10,"startMonth":"2025-05","months":5,"fundingSource":"APBD","package":["JKK","JKM"],"monthlyIncome":-1}""",
        """{"participants":10,"startMonth":"2025-05","months":5,"fundingSource":"APBD","package":["JKK","JKM"],"incomeBasis":0}""",
        """{"participants":10,"startMonth":"2025-05","months":5,"fundingSource":"APBD","package":["JKK","JKM"],"monthlyIncome":1500000,"incomeBasis":2000000}""",
        """{"participants":10,"startMonth":"2025-05","months":5,"fundingSource":"APBD","package":["JKK","JKM"],"sector":"mining"}""",
        """{"participants":10,"startMonth":"2025-05","months":5,"fundingSource":"APBD","package":["JKK","JKM"],"budget":-1}""",
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Estimate_WithInvalidInput_Returns400RequestInvalid(string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/v1/budget/estimate", content);

        await RegionsApiTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
    }

    [Fact]
    public void CalculateContribution_FractionalAmounts_RoundOncePerComponentHalfAwayFromZero()
    {
        var month = new ContributionMonth(2026, 6);
        var rates = new RateTable(
            [
                new ContributionRate("JKK@test", ContributionComponent.Jkk, true, 1m, month, null),
                new ContributionRate("JKM@test", ContributionComponent.Jkm, false, 6_800m, month, null),
            ],
            [new IncomeBasisLimit("BASIS@test", Rupiah.Of(1_000_000), Rupiah.Of(20_700_000), month, null)],
            [new ContributionDiscount("DISC@test", "test", new HashSet<ContributionComponent> { ContributionComponent.Jkk },
                50m, null, month, month)],
            []);
        var selfPaid = new FundingSource("SELF_PAID", "Mandiri", true, null);

        // 1% of 1,234,550 = 12,345.50, halved = 6,172.75 → 6,173; JKM is not in the discount.
        var quote = CalculateContribution.ForMonth(
            rates, [ContributionComponent.Jkm, ContributionComponent.Jkk], Rupiah.Of(1_234_550), selfPaid, null, month);

        Assert.NotNull(quote);
        Assert.Equal(Rupiah.Of(6_173), quote.Amounts[ContributionComponent.Jkk]);
        Assert.Equal(Rupiah.Of(6_800), quote.Amounts[ContributionComponent.Jkm]);
        Assert.Equal(Rupiah.Of(12_973), quote.PerParticipant);
        Assert.Equal("JKK@test;JKM@test;DISC@test", quote.RateVersion);
        Assert.Null(CalculateContribution.ForMonth(rates, [ContributionComponent.Jkk], null, selfPaid, null, month.PlusMonths(-1)));
    }

    [Theory]
    [InlineData(null, 1_000_000L, "income.not_reported")]
    [InlineData(1L, 1_000_000L, "income.below_minimum")]
    [InlineData(999_999L, 1_000_000L, "income.below_minimum")]
    [InlineData(1_000_000L, 1_000_000L, "income.reported")]
    [InlineData(1_000_001L, 1_000_001L, "income.reported")]
    [InlineData(20_699_999L, 20_699_999L, "income.reported")]
    [InlineData(20_700_000L, 20_700_000L, "income.reported")]
    [InlineData(20_700_001L, 20_700_000L, "income.above_maximum")]
    [InlineData(long.MaxValue, 20_700_000L, "income.above_maximum")]
    public void IncomeBasisLimit_Place_PutsTheIncomeOnTheBasisAtEveryLimit(long? income, long basis, string code)
    {
        var month = new ContributionMonth(2026, 6);
        var limit = new IncomeBasisLimit("BASIS@test", Rupiah.Of(1_000_000), Rupiah.Of(20_700_000), month, null);

        var placed = limit.Place(income is { } i ? Rupiah.Of(i) : null);

        Assert.Equal((Rupiah.Of(basis), code, "BASIS@test"), (placed.Amount, placed.Code, placed.LimitVersion));
        Assert.Equal(income is { } reported ? Rupiah.Of(reported) : null, placed.ReportedIncome);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void IncomeBasisLimit_Place_RefusesANonPositiveIncomeAsAProgrammingError(long income)
    {
        var month = new ContributionMonth(2026, 6);
        var limit = new IncomeBasisLimit("BASIS@test", Rupiah.Of(1_000_000), Rupiah.Of(20_700_000), month, null);

        Assert.Throws<ArgumentOutOfRangeException>(() => limit.Place(Rupiah.Of(income)));
    }

    [Theory]
    [InlineData(999_999L, 1_000_000L, "income.below_minimum", 10_000L)]
    [InlineData(1_000_001L, 1_000_001L, "income.reported", 10_000L)]
    [InlineData(1_050_000L, 1_050_000L, "income.reported", 10_500L)]
    [InlineData(20_700_001L, 20_700_000L, "income.above_maximum", 207_000L)]
    public void CalculateContribution_PlacesTheIncomeAndTheQuoteNamesTheBasis(long income, long basis, string code, long jkk)
    {
        var month = new ContributionMonth(2025, 6);
        var rates = new RateTable(
            [
                new ContributionRate("JKK@test", ContributionComponent.Jkk, true, 1m, month, null),
                new ContributionRate("JKM@test", ContributionComponent.Jkm, false, 6_800m, month, null),
            ],
            [new IncomeBasisLimit("BASIS@test", Rupiah.Of(1_000_000), Rupiah.Of(20_700_000), month, null)],
            [],
            []);

        var quote = CalculateContribution.ForMonth(rates, [ContributionComponent.Jkk, ContributionComponent.Jkm], Rupiah.Of(income),
            new FundingSource("APBD", "APBD", false, null), null, month);

        Assert.NotNull(quote);
        Assert.Equal((Rupiah.Of(basis), code), (quote.Basis.Amount, quote.Basis.Code));
        Assert.Equal(Rupiah.Of(jkk), quote.Amounts[ContributionComponent.Jkk]);
        Assert.Equal(Rupiah.Of(jkk + 6_800), quote.PerParticipant);
    }
}
