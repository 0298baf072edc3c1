using System.Net;

namespace Payung.Tests.Programs;

/// <summary>
/// The public calculator page <c>/anggaran</c>: the same estimate as the API, with the income basis it used and the
/// funding source's assumption on the page, in Indonesian and in English.
/// </summary>
public sealed class BudgetEstimatePageTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private async Task<string> PageAsync(string query, bool english = false)
    {
        var client = factory.CreateClient();
        if (english)
        {
            client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        }

        var response = await client.GetAsync("/anggaran" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("999.999", "income.below_minimum", "Penghasilan Rp999.999 di bawah dasar upah terendah: iuran dihitung dari dasar upah terendah Rp1.000.000.")]
    [InlineData("1000000", "income.reported", "Iuran dihitung dari penghasilan yang dilaporkan, Rp1.000.000.")]
    [InlineData("Rp 20.700.001", "income.above_maximum", "Penghasilan Rp20.700.001 di atas dasar upah tertinggi: iuran dihitung dari dasar upah tertinggi Rp20.700.000.")]
    [InlineData("", "income.not_reported", "Penghasilan tidak diisi: iuran dihitung dari dasar upah terendah Rp1.000.000.")]
    public async Task Calculator_ShowsTheIncomeBasisItUsed(string income, string rule, string sentence)
    {
        var page = await PageAsync($"?peserta=10&mulai=2025-05&bulan=2&sumber=APBD&penghasilan={Uri.EscapeDataString(income)}");

        Assert.Contains($"data-rule=\"{rule}\"", page, StringComparison.Ordinal);
        Assert.Contains(sentence, page, StringComparison.Ordinal);
        Assert.Contains(rule == "income.above_maximum" ? "Rp4.276.000" : "Rp336.000", page, StringComparison.Ordinal); // 10 x 2 x (1% of the basis + Rp6.800)
    }

    [Fact]
    public async Task Calculator_AboveTheMaximumWithJht_PricesTheMaximumBasis()
    {
        var page = await PageAsync("?peserta=1&mulai=2025-05&bulan=1&sumber=APBD&jht=true&penghasilan=30000000");

        Assert.Contains("Rp627.800", page, StringComparison.Ordinal); // 207,000 + 6,800 + 414,000
        Assert.Contains("Rp20.700.000", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculator_VillageFunds_ShowTheDiscountAssumption_AndCsrGetsPp50()
    {
        var add = await PageAsync("?peserta=100&mulai=2026-05&bulan=1&sumber=APBDES_ADD");
        var csr = await PageAsync("?peserta=100&mulai=2026-05&bulan=1&sumber=CSR");

        Assert.Contains("data-testid=\"discount-assumption\"", add, StringComparison.Ordinal);
        Assert.Contains("Alokasi Dana Desa berasal dari APBD", add, StringComparison.Ordinal);
        Assert.Contains("Rp1.680.000", add, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"discount-assumption\"", csr, StringComparison.Ordinal);
        Assert.Contains("Rp840.000", csr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?peserta=10&mulai=2025-05&bulan=2&sumber=APBD&penghasilan=sejuta", "Penghasilan bulanan harus berupa angka rupiah bulat")]
    [InlineData("?peserta=10&mulai=2025-05&bulan=2&sumber=APBD&penghasilan=0", "Penghasilan bulanan harus lebih dari nol rupiah")]
    [InlineData("?peserta=10&mulai=2025-05&bulan=2&sumber=APBD&penghasilan=-5", "Penghasilan bulanan harus lebih dari nol rupiah")]
    public async Task Calculator_BadIncome_IsNamedBesideTheField(string query, string message)
    {
        var page = await PageAsync(query);

        Assert.Contains("is-invalid", page, StringComparison.Ordinal);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"income-basis\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculator_InEnglish_SaysWhichBasisInEnglish()
    {
        var page = await PageAsync("?peserta=10&mulai=2025-05&bulan=2&sumber=APBD&penghasilan=500000", english: true);

        Assert.Contains("Contribution budget calculator", page, StringComparison.Ordinal);
        Assert.Contains("An income of Rp500,000 is below the minimum basis: contributions are computed on the minimum basis of Rp1,000,000.", page,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculator_Empty_ShowsTheFormWithEverySeededFundingSource()
    {
        var page = await PageAsync("");

        Assert.Contains("data-testid=\"estimate-form\"", page, StringComparison.Ordinal);
        foreach (var code in new[] { "APBD", "APBD_P", "APBDES_ADD", "DANA_DESA", "DBH_CHT", "CSR", "OTHER", "SELF_PAID" })
        {
            Assert.Contains($"value=\"{code}\"", page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("data-testid=\"estimate\"", page, StringComparison.Ordinal);
    }
}
