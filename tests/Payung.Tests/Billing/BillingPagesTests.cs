using System.Net;
using Payung.Shared;
using Payung.Tests.Access;
using static Payung.Tests.Billing.BillingTestKit;
using static Payung.Tests.Programs.Enrollment.EnrollmentTestKit;

namespace Payung.Tests.Billing;

/// <summary>Billing's server-rendered pages: the programme's bills and payments, bill lines, the strip and the protection check.</summary>
public sealed class BillingPagesTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private async Task<HttpClient> ClientAsync(Role role, string scope) =>
        await AccessTestKit.SignedInClientAsync(factory, await AccessTestKit.CreateUserAsync(factory, role, scope));

    [Fact]
    public async Task ProgrammeBillingPage_IssuesBillsAndRecordsAPayment_ThenShowsTheMoney()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-02"));
        var worker = await BillingTestKit.CreateWorkerAsync(factory);
        await EnrollAsync(factory, programme, worker.Id);
        var client = await ClientAsync(Role.DisnakerOperator, LampungSelatan);

        var token = await AccessTestKit.AntiforgeryTokenAsync(client, $"/program/{programme}/tagihan");
        var billed = await client.PostAsync($"/program/{programme}/tagihan?handler=Bill",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["month"] = "" }));
        var paid = await client.PostAsync($"/program/{programme}/tagihan?handler=Pay", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Payment.Method"] = "sp2d",
            ["Payment.Reference"] = "SP2D/HALAMAN/1",
            ["Payment.PaidOn"] = "2026-01-08",
            ["Payment.Amount"] = (3 * MonthlyRate).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        var html = await client.GetStringAsync($"/program/{programme}/tagihan");

        Assert.Equal(HttpStatusCode.Redirect, billed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Contains("data-testid=\"money-billed\">Rp33.600<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"money-unallocated\">Rp16.800<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-holds=\"false\"", html, StringComparison.Ordinal);
        var detail = await client.GetStringAsync($"/program/{programme}");
        Assert.Contains("data-testid=\"billed\">Rp33.600<", detail, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"paid\">Rp33.600<", detail, StringComparison.Ordinal);
        var bill = (await MoneyAsync(factory, programme)).Bills[0];
        var lines = await client.GetStringAsync($"/tagihan/{bill.Id}");
        Assert.Contains("Peserta Uji Tagihan", lines, StringComparison.Ordinal);
        Assert.Contains("JKK@2015-07", lines, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgrammeBillingPage_WithABadPayment_ShowsTheMessage_AndAViewerCannotPost()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-01"));
        var client = await ClientAsync(Role.DisnakerOperator, LampungSelatan);
        var viewer = await ClientAsync(Role.ProvinceViewer, "18");

        var token = await AccessTestKit.AntiforgeryTokenAsync(client, $"/program/{programme}/tagihan");
        var bad = await client.PostAsync($"/program/{programme}/tagihan?handler=Pay", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Payment.Method"] = "sp2d",
            ["Payment.Reference"] = "SP2D/HALAMAN/2",
            ["Payment.PaidOn"] = "2026-01-08",
            ["Payment.Amount"] = "0",
        }));
        var viewerToken = await AccessTestKit.AntiforgeryTokenAsync(viewer, $"/program/{programme}/tagihan");
        var forbidden = await viewer.PostAsync($"/program/{programme}/tagihan?handler=Bill",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = viewerToken }));

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Jumlah bayar harus lebih dari 0", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.StartsWith("/error/403", forbidden.Headers.Location!.IsAbsoluteUri ? forbidden.Headers.Location.PathAndQuery : forbidden.Headers.Location.OriginalString);
        Assert.Empty((await MoneyAsync(factory, programme)).Bills);
    }

    [Fact]
    public async Task StripAndProtectionPages_ShowTheMonthsAndTheReasons_AndOtherRegionsAreNotFound()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-02"));
        var worker = await BillingTestKit.CreateWorkerAsync(factory);
        await EnrollAsync(factory, programme, worker.Id);
        await BillAsync(factory, programme);
        await PayAsync(factory, programme, 2 * MonthlyRate, "2026-02-20");
        var client = await ClientAsync(Role.DesaOperator, "18.01.06.2001");
        var lahat = await ClientAsync(Role.DisnakerOperator, "16.04");

        var strip = await client.GetStringAsync($"/pekerja/{worker.Id}/iuran?dari=2026-01&sampai=2026-03");
        var token = await AccessTestKit.AntiforgeryTokenAsync(client, "/perlindungan");
        var check = await client.PostAsync("/perlindungan", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["nik"] = worker.Nik,
            ["date"] = "2026-01-20",
        }));
        var elsewhere = await lahat.GetAsync($"/pekerja/{worker.Id}/iuran");
        var workerPage = await client.GetStringAsync($"/pekerja/{worker.Id}");

        // Both months paid on 20 February, after their due days but inside the arrears window: no gap.
        Assert.Contains("data-month=\"2026-01\" data-state=\"protected_from_payment\"", strip, StringComparison.Ordinal);
        Assert.Contains("data-month=\"2026-02\" data-state=\"protected_from_payment\"", strip, StringComparison.Ordinal);
        Assert.Contains("data-month=\"2026-03\" data-state=\"none\"", strip, StringComparison.Ordinal);
        var html = await check.Content.ReadAsStringAsync();
        Assert.Contains("data-protected=\"false\"", html, StringComparison.Ordinal);
        Assert.Contains("contribution.paid_in_arrears_window", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Contains("data-testid=\"worker-protection-strip\"", workerPage, StringComparison.Ordinal);
        Assert.Equal(12, System.Text.RegularExpressions.Regex.Matches(workerPage, "data-state=\"").Count);
    }
}
