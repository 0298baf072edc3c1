using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Payung.Infrastructure;
using Payung.Programs.EnrollWorkers;
using Payung.Programs.ManageFunders;
using Payung.Programs.ManageProgrammes;
using Payung.Registry.RegisterWorker;
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
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().Scope = CallerScope.System("browser-test");
        var worker = await scope.ServiceProvider.GetRequiredService<RegisterWorker>().ExecuteAsync(new RegisterWorkerRequest(
            Nik, null, "Siti Aminah Peramban", "Kalianda", "1985-05-05", Sex.Male.ToCode(), "18.01.06.2001", null, null, null, null, "petani",
            null, 2, null, null), CancellationToken.None);
        Assert.True(worker.Succeeded, string.Join("; ", worker.Refusal?.Messages().Select(m => m.Message) ?? []));
        var funder = await scope.ServiceProvider.GetRequiredService<CreateFunder>()
            .ExecuteAsync(new CreateFunderRequest("Pemkab Lampung Selatan (tagihan peramban)", "pemkab", "18.01"), CancellationToken.None);
        var programme = await scope.ServiceProvider.GetRequiredService<CreateProgramme>().ExecuteAsync(new ProgrammeRequest(
            Name: "Program tagihan peramban " + Guid.NewGuid().ToString("N")[..6], FunderId: funder.Value!.Id, FundingSource: "APBD", FiscalYear: 2026,
            BudgetCeiling: 100_000_000, MonthFrom: "2026-01", MonthTo: "2026-02", IncludeJht: false, IncomeBasis: null, TargetParticipants: 10,
            VillageQuota: null, MinAge: null, MaxAge: null, DomicileCodes: [], OccupationCodes: [], MaxDtsenDecile: null,
            ExcludeDeceased: true, ExcludeAlreadyFunded: true, CofunderId: null, CofunderSharePercent: null), CancellationToken.None);
        Assert.True(programme.Succeeded, programme.Refusal?.Code);
        var activated = await scope.ServiceProvider.GetRequiredService<ActivateProgramme>().ExecuteAsync(programme.Value.Id, CancellationToken.None);
        Assert.True(activated.Succeeded, activated.Refusal?.Code);
        var enrolled = await scope.ServiceProvider.GetRequiredService<EnrollWorkers>()
            .ExecuteAsync(programme.Value.Id, new EnrollWorkersRequest([worker.Value.Id], null), CancellationToken.None);
        Assert.True(enrolled.Succeeded, enrolled.Refusal?.Code);
        return programme.Value.Id;
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
