using System.Net;
using System.Text.RegularExpressions;
using Payung.Shared;
using Payung.Tests.Access;
using static Payung.Tests.Billing.BillingTestKit;
using static Payung.Tests.Programs.Enrollment.EnrollmentTestKit;

namespace Payung.Tests.Billing;

/// <summary>
/// Billing's pages as the people using them read them (issue 11): only the forms a role may use, names instead of
/// codes, reasons in words beside their codes, one format for money and days, and English throughout after the switch.
/// </summary>
public sealed partial class BillingPagesForPeopleTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    // Indonesian words of the pages' own texts that must not be left in the English page (data is translate="no").
    private static readonly string[] IndonesianWords =
    [
        "dan", "yang", "untuk", "tidak", "belum", "dengan", "atau", "dari", "oleh", "pada", "Simpan", "Tampilkan", "Halaman",
        "Semua", "Tagihan", "Pekerja", "Bulan", "Tanggal", "Jumlah", "Peserta", "Terbitkan", "Catat", "Sumber", "Iuran",
        "Pembayaran", "Dibayar", "Terlindungi", "Alasan", "Aturan", "Pengaturan", "Berlaku", "Kecamatan", "Desa",
    ];

    private async Task<HttpClient> ClientAsync(Role role, string? scope, bool english = false)
    {
        var client = await AccessTestKit.SignedInClientAsync(factory, await AccessTestKit.CreateUserAsync(factory, role, scope));
        if (english)
        {
            var switched = await client.GetAsync("/bahasa/en?returnUrl=/");
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        }

        return client;
    }

    [Fact]
    public async Task ProgrammeBillingPage_ForAVillageOperatorOfTheRegency_ShowsNoBillOrPaymentForm_AndSaysWhoBills_AndAViewerGetsNoLinkToTheLines()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-01"));
        var worker = await BillingTestKit.CreateWorkerAsync(factory);
        await EnrollAsync(factory, programme, worker.Id);
        // Paid before the bill was issued: the money waits unallocated, so the allocate form has something to do.
        await PayAsync(factory, programme, MonthlyRate, "2026-01-08");
        await BillAsync(factory, programme);
        var village = await ClientAsync(Role.DesaOperator, "18.01.06.2001");
        var disnaker = await ClientAsync(Role.DisnakerOperator, LampungSelatan);
        var executive = await ClientAsync(Role.ExecutiveViewer, LampungSelatan);

        var seen = await PageAsync(village, $"/program/{programme}/tagihan");
        var token = await AccessTestKit.AntiforgeryTokenAsync(village, "/perlindungan");
        var posted = await village.PostAsync($"/program/{programme}/tagihan?handler=Bill",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["month"] = "2026-01" }));
        var managed = await PageAsync(disnaker, $"/program/{programme}/tagihan");
        var summary = await PageAsync(executive, $"/program/{programme}/tagihan");

        Assert.DoesNotContain("data-testid=\"bill-form\"", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"payment-form\"", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"allocate-form-", seen, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"who-bills\"", seen, StringComparison.Ordinal);
        Assert.Contains("Kabupaten Lampung Selatan", seen, StringComparison.Ordinal);
        // Refused by the use case's own rule, shown on the page, nothing billed twice.
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Program di luar wilayah Anda.", WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Single((await MoneyAsync(factory, programme)).Bills);
        Assert.Contains("data-testid=\"bill-form\"", managed, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"payment-form\"", managed, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"allocate-form-", managed, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"who-bills\"", managed, StringComparison.Ordinal);
        Assert.Contains("Januari 2026", managed, StringComparison.Ordinal);
        Assert.Contains("08-01-2026", managed, StringComparison.Ordinal);
        // The bill lines name people: an executive viewer reads the bill numbers without a link it could not open.
        Assert.Contains("href=\"/tagihan/", managed, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/tagihan/", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"bill-form\"", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BillingPages_InEnglish_ShowEnglishTextsAndFormats_AndNoIndonesianWordsOutsideTheData()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-02"));
        var worker = await BillingTestKit.CreateWorkerAsync(factory);
        await EnrollAsync(factory, programme, worker.Id);
        var bills = await BillAsync(factory, programme);
        await PayAsync(factory, programme, 2 * MonthlyRate, "2026-02-20");
        var client = await ClientAsync(Role.DisnakerOperator, LampungSelatan, english: true);
        var admin = await ClientAsync(Role.NationalAdmin, null, english: true);

        var money = await PageAsync(client, $"/program/{programme}/tagihan");
        var lines = await PageAsync(client, $"/tagihan/{bills.Bills[0].BillId}");
        var strip = await PageAsync(client, $"/pekerja/{worker.Id}/iuran?dari=2026-01&sampai=2026-03");
        var token = await AccessTestKit.AntiforgeryTokenAsync(client, "/perlindungan");
        var check = WebUtility.HtmlDecode(await (await client.PostAsync("/perlindungan", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["nik"] = worker.Nik,
            ["date"] = "2026-01-20",
        }))).Content.ReadAsStringAsync());
        var retention = await PageAsync(client, "/mandiri?tingkat=district&kabupaten=18.01");
        var imports = await PageAsync(client, "/iuran/impor");
        var settings = await PageAsync(admin, "/admin/iuran");

        Assert.Contains("Bills and payments", money, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"money-billed\">Rp33,600<", money, StringComparison.Ordinal);
        Assert.Contains("January–February 2026", money, StringComparison.Ordinal);
        Assert.Contains("Bill lines", lines, StringComparison.Ordinal);
        Assert.Contains("Contributions and protection", strip, StringComparison.Ordinal);
        Assert.Contains("Contributions are due by day 15", strip, StringComparison.Ordinal);
        Assert.Contains("Not protected on 20-01-2026", check, StringComparison.Ordinal);
        // The reason in words, the day in the page format, the code beside it.
        Assert.Contains("paid on 20-02-2026, after the due date 15-01-2026 but within the 3-month arrears limit (until 31-03-2026)", check, StringComparison.Ordinal);
        Assert.Contains("<code class=\"rule-code text-muted\">contribution.paid_in_arrears_window</code>", check, StringComparison.Ordinal);
        Assert.Contains("Continuing contributions as self-paid", retention, StringComparison.Ordinal);
        Assert.Contains("Contribution statement import", imports, StringComparison.Ordinal);
        Assert.Contains("PP 44/2015 as amended", settings, StringComparison.Ordinal);
        Assert.Contains("Message channel", settings, StringComparison.Ordinal);
        Assert.Contains("July 2015", settings, StringComparison.Ordinal);
        foreach (var (page, html) in new[]
                 {
                     ("tagihan", money), ("lines", lines), ("strip", strip), ("perlindungan", check), ("mandiri", retention),
                     ("impor", imports), ("admin", settings),
                 })
        {
            var text = VisibleText(html);
            var left = IndonesianWords.Where(w => Regex.IsMatch(text, $@"\b{w}\b")).ToList();
            Assert.True(left.Count == 0, $"{page}: Indonesian left in the English page: {string.Join(", ", left)}\n{text}");
        }
    }

    [Fact]
    public async Task SettingsPage_OffersTheLatestRulesNumbers_AndAnInvalidRuleReRendersWithItsMessage()
    {
        var admin = await ClientAsync(Role.NationalAdmin, null);
        // Other test classes add later versions to the shared database: the form follows whichever is latest.
        await using var latest = factory.Database.DataSource.CreateCommand(
            "select due_day, lapse_months from billing.protection_rule order by effective_from desc limit 1");
        await using var reader = await latest.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var (dueDay, lapseMonths) = (reader.GetInt16(0), reader.GetInt16(1));

        var html = await PageAsync(admin, "/admin/iuran");
        var token = await AccessTestKit.AntiforgeryTokenAsync(admin, "/admin/iuran");
        var bad = await admin.PostAsync("/admin/iuran?handler=Rule", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Rule.EffectiveFrom"] = "2026-13",
            ["Rule.DueDay"] = "31",
            ["Rule.LapseMonths"] = "3",
            ["Rule.Regulation"] = "PP 44/2015",
        }));
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());

        Assert.Contains($"name=\"Rule.DueDay\" value=\"{dueDay}\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"Rule.LapseMonths\" value=\"{lapseMonths}\"", html, StringComparison.Ordinal);
        Assert.Contains("PP 44/2015 beserta perubahannya; Permenaker 5/2021", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"setting-form-notification_channel\"", html, StringComparison.Ordinal);
        Assert.Contains("Saluran pesan", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Tanggal jatuh tempo harus 1–28.", badHtml, StringComparison.Ordinal);
        Assert.Contains("Bulan berlaku harus berformat yyyy-MM.", badHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetentionPage_NamesItsRegions_PicksTheRegency_AndKeepsTheFiltersInItsPageLinks()
    {
        var client = await ClientAsync(Role.DisnakerOperator, LampungSelatan);

        var page = await PageAsync(client, "/mandiri?tingkat=regency&kabupaten=18.01&halaman=9");
        var bad = await PageAsync(client, "/mandiri?kabupaten=18");

        Assert.Contains("data-testid=\"picker-kabupaten\"", page, StringComparison.Ordinal);
        Assert.Contains("Kabupaten Lampung Selatan (18.01)", page, StringComparison.Ordinal);
        Assert.Contains("name=\"kabupaten\" id=\"pick-kabupaten\" value=\"18.01\"", page, StringComparison.Ordinal);
        Assert.Contains("Kode kabupaten/kota harus berformat PP.RR", bad, StringComparison.Ordinal);
        var model = new Payung.Billing.Pages.Mandiri.IndexModel(null!, null!, null!)
        {
            Level = "district",
            Regency = "18.01",
            ProgrammeId = Guid.Parse("0199aaaa-0000-7000-8000-000000000001"),
        };
        Assert.Equal("/mandiri?tingkat=district&kabupaten=18.01&program=0199aaaa-0000-7000-8000-000000000001&halaman=2", model.PageLink(2));
    }

    /// <summary>A page's HTML with its character references decoded (the encoder writes "–" as a reference).</summary>
    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    /// <summary>What a reader of the page's main part sees: no data (translate="no"), code, inputs, scripts or tags.</summary>
    private static string VisibleText(string html)
    {
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        var text = main;
        for (var before = ""; before != text;)
        {
            before = text;
            text = DataElement().Replace(text, " ");
        }

        text = CodeOrScript().Replace(text, " ");
        text = Tag().Replace(text, " ");
        return text;
    }

    [GeneratedRegex("""<(\w+)\b[^>]*\btranslate="no"[^>]*>(?:(?!<\1\b)[\s\S])*?</\1>""")]
    private static partial Regex DataElement();

    [GeneratedRegex("""<(code|script|style|textarea|option)\b[^>]*>[\s\S]*?</\1>""")]
    private static partial Regex CodeOrScript();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
