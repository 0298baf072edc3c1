using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Payung.Shared;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Payung.BrowserTests;

/// <summary>
/// A village operator registers a worker from /pekerja/baru — the village through the region picker, the
/// occupation from the select of names — is refused with the page's own message for a malformed NIK, and edits the
/// worker; the worker page names the village and occupation instead of showing codes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkerPageTests(PayungAppFixture app, ITestOutputHelper output)
{
    // Kalianda (18.01.06), born 5 May 1985, male; serials 8592xx are this test's own.
    private const string Nik = "1801060505859201";

    // The same NIK with serial 0000, which no NIK has: 16 digits, so the browser lets it through to the server.
    private const string SerialZeroNik = "1801060505850000";

    [Fact]
    public async Task RegisterPage_ADesaOperatorRegistersThroughThePickerAndTheOccupationSelect_ThenEditsTheWorker()
    {
        var username = await BrowserUsers.CreateAsync(app, Role.DesaOperator, "18.01.06.2001");
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await BrowserUsers.SignInAsync(page, username);

        await page.GotoAsync("/pekerja");
        await page.GetByTestId("new-worker").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/pekerja/baru$"));
        var form = page.GetByTestId("register-worker-form");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Daftarkan pekerja" })).ToBeVisibleAsync();

        // Invalid first: the page answers with its own messages and keeps what was typed.
        await FillWorkerAsync(form, SerialZeroNik, "Sutrisno Peramban");
        await form.GetByTestId("save").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/pekerja/baru$"));
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("Data belum dapat disimpan");
        await Expect(page.GetByTestId("nik-error")).ToContainTextAsync("0000");
        await Expect(page.GetByTestId("fullName")).ToHaveValueAsync("Sutrisno Peramban");
        await Expect(page.GetByTestId("occupationCode")).ToHaveValueAsync("nelayan");
        await Expect(page.Locator("#pick-VillageCode")).ToHaveValueAsync("18.01.06.2001");

        await page.GetByTestId("nik").FillAsync(Nik);
        await page.GetByTestId("register-worker-form").GetByTestId("save").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/pekerja/[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("Sutrisno Peramban telah didaftarkan.");
        await Expect(page.GetByTestId("worker-name")).ToHaveTextAsync("Sutrisno Peramban");
        await Expect(page.GetByTestId("worker-village")).ToHaveTextAsync("Jondong, Kalianda, Kabupaten Lampung Selatan (18.01.06.2001)");
        await Expect(page.GetByTestId("worker-occupation")).ToHaveTextAsync("Nelayan");
        await Expect(page.GetByTestId("worker-sex")).ToHaveTextAsync("Laki-laki");
        await Expect(page.GetByTestId("worker-birth")).ToContainTextAsync("05-05-1985");
        await Expect(page.GetByTestId("worker-income")).ToHaveTextAsync("Rp1.750.000");

        await page.GetByTestId("edit-worker").ClickAsync();
        var edit = page.GetByTestId("edit-worker-form");
        await Expect(edit.GetByTestId("occupationCode")).ToHaveValueAsync("nelayan");
        await edit.GetByTestId("occupationCode").SelectOptionAsync(new SelectOptionValue { Label = "Petani" });
        await edit.GetByTestId("phone").FillAsync("081277778888");
        await edit.GetByTestId("save").ClickAsync();

        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("Perubahan data Sutrisno Peramban telah disimpan.");
        await Expect(page.GetByTestId("worker-occupation")).ToHaveTextAsync("Petani");
        var occupationChange = page.GetByTestId("worker-history").Locator("li[data-field=occupationCode]").First;
        await Expect(occupationChange).ToHaveTextAsync(new Regex(@"^\s*Pekerjaan:\s*Nelayan\s*→\s*Petani\s*$"));
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task RegisterPage_InBothLanguages_IsScreenshotted()
    {
        var username = await BrowserUsers.CreateAsync(app, Role.DesaOperator, "18.01.06.2001");
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await BrowserUsers.SignInAsync(page, username);

        await page.GotoAsync("/pekerja/baru");
        await Expect(page.Locator("[data-testid=picker-VillageCode] input[type=search]"))
            .ToHaveValueAsync("Jondong, Kalianda, Kabupaten Lampung Selatan (18.01.06.2001)");
        await Screenshot(page, "register-worker-id.png");

        await page.GotoAsync("/bahasa/en?returnUrl=%2Fpekerja%2Fbaru");
        await Expect(page).ToHaveURLAsync(new Regex("/pekerja/baru$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register a worker" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Occupation", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("occupationCode").Locator("option[value=petani]")).ToHaveTextAsync("Farmer");
        await Expect(page.GetByTestId("save")).ToHaveTextAsync("Save");
        await Screenshot(page, "register-worker-en.png");
        session.AssertNoConsoleErrors();
    }

    /// <summary>Every field a registration needs; the village chosen by name from the picker's results.</summary>
    private static async Task FillWorkerAsync(ILocator form, string nik, string fullName)
    {
        await form.GetByTestId("nik").FillAsync(nik);
        await form.GetByTestId("fullName").FillAsync(fullName);
        await form.GetByTestId("birthPlace").FillAsync("Kalianda");
        await form.GetByTestId("birthDate").FillAsync("1985-05-05");
        await form.GetByTestId("sex").SelectOptionAsync(new SelectOptionValue { Label = "Laki-laki" });

        var picker = form.GetByTestId("picker-VillageCode");
        await picker.Locator("input[type=search]").FillAsync("Jondong");
        // Typing forgets the village filled in for the operator until one is chosen again.
        await Expect(picker.Locator("input[type=hidden]")).ToHaveValueAsync("");
        await picker.Locator("[data-pick-code='18.01.06.2001']").ClickAsync();
        await Expect(picker.Locator("input[type=hidden]")).ToHaveValueAsync("18.01.06.2001");
        await Expect(picker.Locator("input[type=search]")).ToHaveValueAsync("Jondong, Kalianda, Kabupaten Lampung Selatan (18.01.06.2001)");

        await form.GetByTestId("occupationCode").SelectOptionAsync(new SelectOptionValue { Label = "Nelayan" });
        await form.GetByTestId("monthlyIncome").FillAsync("1.750.000");
    }

    private async Task Screenshot(IPage page, string name)
    {
        var path = TestArtifacts.PathFor(name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }
}
