using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Payung.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LanguageSwitchTests(PayungAppFixture app)
{
    [Fact]
    public async Task LanguageSwitch_TurnsNavigationAndRegionBrowserToEnglish_AndBack()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        var navbar = page.Locator("nav.navbar");

        await page.GotoAsync("/wilayah/18.01");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Expect(navbar.GetByRole(AriaRole.Link, new() { Name = "Beranda" })).ToBeVisibleAsync();
        await Expect(navbar.GetByRole(AriaRole.Link, new() { Name = "Wilayah", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kecamatan (17)" })).ToBeVisibleAsync();

        await page.GetByTestId("language-switch").ClickAsync();

        // The switch comes back to the same page, now in English.
        await Expect(page).ToHaveURLAsync(new Regex("/wilayah/18\\.01$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(navbar.GetByRole(AriaRole.Link, new() { Name = "Home" })).ToBeVisibleAsync();
        await Expect(navbar.GetByRole(AriaRole.Link, new() { Name = "Regions", Exact = true })).ToBeVisibleAsync();
        await Expect(navbar.GetByRole(AriaRole.Link, new() { Name = "NIK check" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("language-switch")).ToHaveTextAsync("Bahasa Indonesia");
        await Expect(page.GetByText("Kabupaten (regency) · 18.01")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kecamatan (districts) (17)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search regions" })).ToBeVisibleAsync();
        // Figures keep the Indonesian separators in English: they are read against Indonesian documents.
        await Expect(page.GetByTestId("count-villages")).ToHaveTextAsync("260");

        await page.GetByTestId("language-switch").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/wilayah/18\\.01$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Expect(navbar.GetByRole(AriaRole.Link, new() { Name = "Beranda" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("language-switch")).ToHaveTextAsync("English");
        await Expect(page.GetByText("Kabupaten · 18.01")).ToBeVisibleAsync();
        session.AssertNoConsoleErrors();
    }
}
