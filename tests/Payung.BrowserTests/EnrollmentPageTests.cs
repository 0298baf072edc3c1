using Microsoft.Playwright;
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
        await BrowserData.RegisterWorkerAsync(app, Nik, "Budi Santoso Peramban");
        return await BrowserData.ActiveProgrammeAsync(app, "peramban", "2026-05", "2026-09");
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
