using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Payung.Shared;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Payung.BrowserTests;

/// <summary>
/// A Disnaker operator enrols workers from the programme's page (by NIK, and by village through the region picker),
/// sees the verdicts and the participants, and ends an enrolment only after choosing the reason; the programme page is
/// screenshotted in both languages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EnrollmentPageTests(PayungAppFixture app, ITestOutputHelper output)
{
    // Kalianda (18.01.06), born 5 May 1985, male; serials from 9000 are this test's own.
    private const string Nik = "1801060505859001";
    private const string VillageNik = "1801060505859002";
    private const string EndingNik = "1801060505859003";

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
        // The programme is recorded after the fact: BPJS registered the participants on 4 May 2026.
        await page.GetByTestId("nik-form").GetByTestId("membership-start").FillAsync("2026-05-04");
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

    [Fact]
    public async Task EnrolPage_ByVillagePickedByName_EnrolsItsWorker()
    {
        await BrowserData.RegisterWorkerAsync(app, VillageNik, "Sari Wulandari Peramban");
        var programme = await BrowserData.ActiveProgrammeAsync(app, "peramban desa", "2026-05", "2026-09");
        var username = await BrowserUsers.CreateAsync(app, Role.DisnakerOperator, "18.01");
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await BrowserUsers.SignInAsync(page, username);
        await page.GotoAsync($"/program/{programme}/daftar");
        var form = page.GetByTestId("village-form");

        await form.GetByTestId("enrol-village").ClickAsync();
        await Expect(page.GetByTestId("village-form")).ToContainTextAsync("Pilih desa/kelurahan atau kecamatan yang pesertanya didaftarkan.");

        var picker = page.GetByTestId("picker-Desa");
        await picker.Locator("input[type=search]").FillAsync("Jondong");
        await picker.Locator("[data-pick-code='18.01.06.2001']").ClickAsync();
        await page.Locator("#Batas").FillAsync("1000");
        await page.GetByTestId("village-form").GetByTestId("membership-start").FillAsync("2026-05-04");
        await page.GetByTestId("enrol-village").ClickAsync();

        await Expect(page.GetByTestId("summary")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=verdicts] tr[data-verdict=enrolled]").Filter(new() { HasText = VillageNik })).ToHaveCountAsync(1);
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ParticipantsPage_EndingAnEnrolment_NeedsAReasonChosen()
    {
        await BrowserData.RegisterWorkerAsync(app, EndingNik, "Agus Salim Peramban");
        var programme = await BrowserData.ActiveProgrammeAsync(app, "peramban akhir", "2026-05", "2026-09");
        var username = await BrowserUsers.CreateAsync(app, Role.DisnakerOperator, "18.01");
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await BrowserUsers.SignInAsync(page, username);
        await page.GotoAsync($"/program/{programme}/daftar");
        await page.GetByTestId("niks").FillAsync(EndingNik);
        // The programme is recorded after the fact: BPJS registered the participants on 4 May 2026.
        await page.GetByTestId("nik-form").GetByTestId("membership-start").FillAsync("2026-05-04");
        await page.GetByTestId("enrol-niks").ClickAsync();
        await Expect(page.GetByTestId("summary")).ToContainTextAsync("1 terdaftar");

        await page.GotoAsync($"/program/{programme}/peserta");
        var row = page.Locator("[data-testid=participants] tr").Filter(new() { HasText = EndingNik });
        await Expect(row.GetByTestId("end-reason")).ToHaveValueAsync("");
        await row.GetByTestId("end").ClickAsync();
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("Pilih alasan kepesertaan berakhir.");

        row = page.Locator("[data-testid=participants] tr").Filter(new() { HasText = EndingNik });
        await row.GetByTestId("end-reason").SelectOptionAsync(new SelectOptionValue { Label = "Pindah domisili" });
        await row.Locator("input[name=lastMonth]").FillAsync("2026-06");
        await row.GetByTestId("end").ClickAsync();

        await Expect(page.GetByTestId("notice")).ToContainTextAsync("Kepesertaan diakhiri setelah Juni 2026");
        await page.GotoAsync($"/program/{programme}/peserta?status=ended");
        await Expect(page.Locator("[data-testid=participants] tr").Filter(new() { HasText = EndingNik })).ToContainTextAsync("Pindah domisili");
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ProgrammePage_InBothLanguages_IsScreenshotted()
    {
        var programme = await BrowserData.ActiveProgrammeAsync(app, "peramban layar", "2026-05", "2026-09");
        var username = await BrowserUsers.CreateAsync(app, Role.DisnakerOperator, "18.01");
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await BrowserUsers.SignInAsync(page, username);

        await page.GotoAsync($"/program/{programme}");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Selesai, belum ditutup");
        await Expect(page.GetByTestId("age")).ToHaveTextAsync("tanpa batas");
        await Expect(page.GetByTestId("close")).ToBeVisibleAsync();
        await Screenshot(page, "programme-id.png");

        await page.GotoAsync($"/bahasa/en?returnUrl=%2Fprogram%2F{programme}");
        await Expect(page).ToHaveURLAsync(new Regex($"/program/{programme}$"));
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Ended, not closed");
        await Expect(page.GetByTestId("age")).ToHaveTextAsync("no limit");
        await Expect(page.GetByTestId("close")).ToHaveTextAsync("Close programme");
        await Expect(page.GetByTestId("ceiling")).ToHaveTextAsync("Rp100,000,000");
        await Screenshot(page, "programme-en.png");

        await page.GotoAsync("/program");
        await Screenshot(page, "programme-list-en.png");
        session.AssertNoConsoleErrors();
    }

    private async Task Screenshot(IPage page, string name)
    {
        var path = TestArtifacts.PathFor(name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }
}
