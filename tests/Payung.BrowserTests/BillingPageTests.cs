using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Payung.Programs.EnrollWorkers;
using Payung.Shared;
using static Microsoft.Playwright.Assertions;

namespace Payung.BrowserTests;

/// <summary>
/// A Disnaker operator issues a programme's bills, records the SP2D that pays them, and then checks that the
/// participant was protected on a day of the paid month — all through the pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BillingPageTests(PayungAppFixture app)
{
    // Kalianda (18.01.06), born 5 May 1985, male; serials from 9100 are this test's own.
    private const string Nik = "1801060505859101";

    private async Task<Guid> EnrolledProgrammeAsync()
    {
        var worker = await BrowserData.RegisterWorkerAsync(app, Nik, "Siti Aminah Peramban");
        var programme = await BrowserData.ActiveProgrammeAsync(app, "tagihan peramban", "2026-01", "2026-02");
        using var scope = BrowserData.SystemScope(app);
        var enrolled = await scope.ServiceProvider.GetRequiredService<EnrollWorkers>()
            .ExecuteAsync(programme, new EnrollWorkersRequest([worker], null, "2024-01-02"), CancellationToken.None);
        Assert.True(enrolled.Succeeded, enrolled.Refusal?.Code);
        return programme;
    }

    [Fact]
    public async Task Operator_IssuesBills_RecordsTheSp2d_AndSeesTheWorkerProtected()
    {
        var programme = await EnrolledProgrammeAsync();
        var username = await BrowserUsers.CreateAsync(app, Role.DisnakerOperator, "18.01");
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await BrowserUsers.SignInAsync(page, username);

        await page.GotoAsync($"/program/{programme}");
        await page.GetByTestId("billing-link").ClickAsync();
        await page.GetByTestId("issue-bills").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("2 tagihan terbit");
        await Expect(page.GetByTestId("money-billed")).ToHaveTextAsync("Rp33.600");

        await page.GetByLabel("Nomor SP2D / referensi").FillAsync("SP2D/0007/BPKAD/2026");
        await page.GetByLabel("Tanggal bayar").FillAsync("2026-01-09");
        await page.GetByLabel("Jumlah (Rp)").FillAsync("33600");
        await page.GetByTestId("record-payment").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("Rp33.600 teralokasi");
        await Expect(page.GetByTestId("money-paid")).ToHaveTextAsync("Rp33.600");
        await Expect(page.Locator("[data-testid=invariants] [data-holds=false]")).ToHaveCountAsync(0);

        await page.GotoAsync("/perlindungan");
        await page.GetByLabel("NIK").FillAsync(Nik);
        await page.GetByLabel("Tanggal").FillAsync("2026-02-20");
        await page.GetByTestId("check-protection").ClickAsync();
        await Expect(page.GetByTestId("protection-result")).ToHaveAttributeAsync("data-protected", "true");
        await Expect(page.GetByTestId("protection-reasons")).ToContainTextAsync("contribution.paid_on_time");
        await page.ScreenshotAsync(new() { Path = TestArtifacts.PathFor("protection-check.png"), FullPage = true });
        session.AssertNoConsoleErrors();
    }
}
