using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Payung.Infrastructure;
using Payung.Programs.ManageFunders;
using Payung.Programs.ManageProgrammes;
using Payung.Registry.RegisterWorker;
using Payung.Shared;
using static Microsoft.Playwright.Assertions;

namespace Payung.BrowserTests;

/// <summary>A Disnaker operator enrols a worker by NIK from the programme's page and sees the verdict, then the participant.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EnrollmentPageTests(PayungAppFixture app)
{
    // Kalianda (18.01.06), born 5 May 1985, male; serials from 9000 are this test's own.
    private const string Nik = "1801060505859001";

    private async Task<Guid> ActiveProgrammeWithWorkerAsync()
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().Scope = CallerScope.System("browser-test");
        var worker = await scope.ServiceProvider.GetRequiredService<RegisterWorker>().ExecuteAsync(new RegisterWorkerRequest(
            Nik, null, "Budi Santoso Peramban", "Kalianda", "1985-05-05", Sex.Male.ToCode(), "18.01.06.2001", null, null, null, null, "petani",
            null, 2, null, null), CancellationToken.None);
        Assert.True(worker.Succeeded, string.Join("; ", worker.Refusal?.Messages().Select(m => m.Message) ?? []));
        var funder = await scope.ServiceProvider.GetRequiredService<CreateFunder>()
            .ExecuteAsync(new CreateFunderRequest("Pemkab Lampung Selatan (peramban)", "pemkab", "18.01"), CancellationToken.None);
        var programme = await scope.ServiceProvider.GetRequiredService<CreateProgramme>().ExecuteAsync(new ProgrammeRequest(
            Name: "Program peramban " + Guid.NewGuid().ToString("N")[..6], FunderId: funder.Value!.Id, FundingSource: "APBD", FiscalYear: 2026,
            BudgetCeiling: 100_000_000, MonthFrom: "2026-05", MonthTo: "2026-09", IncludeJht: false, IncomeBasis: null, TargetParticipants: 10,
            VillageQuota: null, MinAge: null, MaxAge: null, DomicileCodes: [], OccupationCodes: [], MaxDtsenDecile: null,
            ExcludeDeceased: true, ExcludeAlreadyFunded: true, CofunderId: null, CofunderSharePercent: null), CancellationToken.None);
        Assert.True(programme.Succeeded, programme.Refusal?.Code);
        var activated = await scope.ServiceProvider.GetRequiredService<ActivateProgramme>().ExecuteAsync(programme.Value.Id, CancellationToken.None);
        Assert.True(activated.Succeeded, activated.Refusal?.Code);
        return programme.Value.Id;
    }

    [Fact]
    public async Task EnrolPage_EnrollingAWorkerByNik_ShowsTheVerdictAndThenTheParticipant()
    {
        var programme = await ActiveProgrammeWithWorkerAsync();
        var username = await BrowserUsers.CreateAsync(app, Role.DisnakerOperator, "18.01");
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await BrowserUsers.SignInAsync(page, username);

        await page.GotoAsync($"/program/{programme}");
        await page.GetByTestId("enrol-link").ClickAsync();
        await page.GetByTestId("niks").FillAsync($"{Nik}\n1801");
        await page.GetByTestId("enrol-niks").ClickAsync();

        await Expect(page.GetByTestId("summary")).ToContainTextAsync("1 terdaftar, 0 daftar tunggu, 1 ditolak");
        var enrolled = page.Locator("[data-testid=verdicts] tr[data-verdict=enrolled]");
        await Expect(enrolled).ToContainTextAsync(Nik);
        await Expect(enrolled).ToContainTextAsync("Terdaftar");
        await Expect(page.Locator("[data-testid=verdicts] tr[data-verdict=rejected]")).ToContainTextAsync("NIK harus terdiri dari 16 digit angka.");

        await page.GotoAsync($"/program/{programme}/peserta");
        await Expect(page.GetByTestId("participants")).ToContainTextAsync("Budi Santoso Peramban");
        await Expect(page.GetByTestId("participants")).ToContainTextAsync(Nik);
        session.AssertNoConsoleErrors();
    }
}
