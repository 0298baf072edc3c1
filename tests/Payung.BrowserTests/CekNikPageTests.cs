using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Payung.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CekNikPageTests(PayungAppFixture app, ITestOutputHelper output)
{
    // Kalianda (18.01.06), day 52 = 12 + 40 for a woman, March 1985, serial 0003.
    private const string FemaleNik = "1801065203850003";

    [Fact]
    public async Task CekNik_DecodesFemaleNik_InIndonesianAndEnglish()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/cek-nik");
        await page.GetByLabel("NIK", new() { Exact = true }).FillAsync(FemaleNik);
        await page.GetByTestId("nik-submit").ClickAsync();

        await Expect(page.GetByTestId("nik-verdict")).ToHaveAttributeAsync("data-valid", "true");
        await Expect(page.GetByTestId("nik-verdict")).ToHaveTextAsync("NIK valid");
        await Expect(page.GetByTestId("decoded-birthdate")).ToHaveTextAsync("12-03-1985");
        await Expect(page.GetByTestId("decoded-birthdate").Locator("time")).ToHaveAttributeAsync("datetime", "1985-03-12");
        await Expect(page.GetByTestId("decoded-sex")).ToHaveTextAsync("perempuan", new() { IgnoreCase = true });
        await Expect(page.GetByTestId("decoded-district-link")).ToHaveAttributeAsync("href", "/wilayah/18.01.06");
        await Expect(page.GetByTestId("decoded-district")).ToContainTextAsync("Kalianda, Kabupaten Lampung Selatan, Lampung");
        // The form keeps what was typed.
        await Expect(page.GetByTestId("nik-input")).ToHaveValueAsync(FemaleNik);

        var screenshot = TestArtifacts.PathFor("cek-nik-female.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");

        await page.GetByTestId("language-switch").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/cek-nik$"));
        await page.GetByLabel("NIK", new() { Exact = true }).FillAsync(FemaleNik);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();

        await Expect(page.GetByTestId("nik-verdict")).ToHaveTextAsync("Valid NIK");
        await Expect(page.GetByTestId("decoded-birthdate")).ToHaveTextAsync("12-03-1985");
        await Expect(page.GetByTestId("decoded-sex")).ToHaveTextAsync("female", new() { IgnoreCase = true });

        await page.GetByTestId("decoded-district-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/wilayah/18\\.01\\.06$"));
        await Expect(page.GetByTestId("region-name")).ToHaveTextAsync("Kalianda");
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task CekNik_ShowsEachErrorAndWarningWithItsCode()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/cek-nik");
        await page.GetByLabel("NIK", new() { Exact = true }).FillAsync(FemaleNik);
        await page.GetByTestId("birthdate-input").FillAsync("1985-03-13");
        await page.GetByTestId("sex-input").SelectOptionAsync("M");
        await page.GetByTestId("nik-submit").ClickAsync();

        // A disagreement with what was declared is a warning to review, not a rejection.
        await Expect(page.GetByTestId("nik-verdict")).ToHaveAttributeAsync("data-valid", "true");
        var warnings = page.GetByTestId("nik-warnings").GetByRole(AriaRole.Listitem);
        await Expect(warnings).ToHaveCountAsync(2);
        await Expect(warnings.Nth(0)).ToHaveAttributeAsync("data-code", "nik.birthdate_mismatch");
        await Expect(warnings.Nth(0)).ToContainTextAsync("nik.birthdate_mismatch");
        await Expect(warnings.Nth(0)).ToContainTextAsync("(1985-03-13)");
        await Expect(warnings.Nth(1)).ToHaveAttributeAsync("data-code", "nik.sex_mismatch");
        await Expect(page.GetByTestId("birthdate-input")).ToHaveValueAsync("1985-03-13");
        await Expect(page.GetByTestId("sex-input")).ToHaveValueAsync("M");

        // Unknown regency, impossible day 00 and serial 0000: every broken rule is listed.
        await page.GetByLabel("NIK", new() { Exact = true }).FillAsync("9999990001850000");
        await page.GetByTestId("birthdate-input").FillAsync("");
        await page.GetByTestId("sex-input").SelectOptionAsync("");
        await page.GetByTestId("nik-submit").ClickAsync();

        await Expect(page.GetByTestId("nik-verdict")).ToHaveAttributeAsync("data-valid", "false");
        var errors = page.GetByTestId("nik-errors").GetByRole(AriaRole.Listitem);
        await Expect(errors).ToHaveCountAsync(3);
        await Expect(errors.Nth(0)).ToContainTextAsync("nik.region_unknown");
        await Expect(errors.Nth(1)).ToContainTextAsync("nik.date_invalid");
        await Expect(errors.Nth(2)).ToContainTextAsync("nik.serial_zero");
        await Expect(page.GetByTestId("decoded-sex")).ToContainTextAsync("tidak dapat dibaca");

        // Over-long input is answered on the form, never with an error page.
        await page.GetByLabel("NIK", new() { Exact = true }).EvaluateAsync("(el, v) => { el.removeAttribute('maxlength'); el.value = v; }", new string('1', 200));
        await page.GetByTestId("nik-submit").ClickAsync();
        await Expect(page.GetByTestId("nik-error")).ToHaveTextAsync("NIK terlalu panjang (paling banyak 64 karakter).");
        await Expect(page.GetByTestId("nik-result")).ToHaveCountAsync(0);
        session.AssertNoConsoleErrors();
    }
}
