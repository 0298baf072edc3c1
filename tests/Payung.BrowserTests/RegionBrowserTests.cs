using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Payung.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class RegionBrowserTests(PayungAppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task HomePage_ShowsNationalCounts_AndRegionBrowserDrillsDownFromLampungToKalianda()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/");
        // Kemendagri 2025 figures (idn-area-data 4.0.1), written with Indonesian thousands separators.
        await Expect(page.GetByTestId("count-provinces")).ToHaveTextAsync("38");
        await Expect(page.GetByTestId("count-regencies")).ToHaveTextAsync("514");
        await Expect(page.GetByTestId("count-districts")).ToHaveTextAsync("7.285");
        await Expect(page.GetByTestId("count-villages")).ToHaveTextAsync("83.762");

        await page.GetByRole(AriaRole.Link, new() { Name = "Jelajahi wilayah" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/wilayah$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wilayah administrasi" })).ToBeVisibleAsync();
        var children = page.GetByTestId("children");
        await Expect(children.Locator("tbody tr")).ToHaveCountAsync(38);

        await children.GetByRole(AriaRole.Link, new() { Name = "Lampung", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/wilayah/18$"));
        await Expect(page.GetByTestId("region-name")).ToHaveTextAsync("Lampung");

        await children.GetByRole(AriaRole.Link, new() { Name = "Kabupaten Lampung Selatan", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/wilayah/18\\.01$"));
        await Expect(page.GetByTestId("region-name")).ToHaveTextAsync("Kabupaten Lampung Selatan");
        await Expect(page.GetByTestId("count-districts")).ToHaveTextAsync("17");
        await Expect(page.GetByTestId("count-villages")).ToHaveTextAsync("260");
        await Expect(children.Locator("tbody tr")).ToHaveCountAsync(17);

        await children.GetByRole(AriaRole.Link, new() { Name = "Kalianda", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/wilayah/18\\.01\\.06$"));
        await Expect(page.GetByTestId("region-name")).ToHaveTextAsync("Kalianda");
        await Expect(page.GetByText("Kecamatan · 18.01.06")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("count-villages")).ToHaveTextAsync("29");
        await Expect(page.GetByTestId("count-desa")).ToHaveTextAsync("25");
        await Expect(page.GetByTestId("count-kelurahan")).ToHaveTextAsync("4");
        await Expect(children.Locator("tbody tr")).ToHaveCountAsync(29);
        await Expect(page.Locator(".breadcrumb")).ToHaveTextAsync(new Regex("Indonesia\\s*Lampung\\s*Kabupaten Lampung Selatan\\s*Kalianda"));

        var screenshot = TestArtifacts.PathFor("region-browser-kalianda.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task RegionSearch_FindsKaliandaByName()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/wilayah");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Cari wilayah" }).FillAsync("Kalianda");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cari" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/wilayah\\?q=Kalianda$"));
        var hit = page.GetByTestId("search-results").GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Kecamatan · 18.01.06" });
        await Expect(hit).ToHaveCountAsync(1);
        await Expect(hit.GetByRole(AriaRole.Link)).ToHaveTextAsync("Kalianda");
        await Expect(hit.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/wilayah/18.01.06");
        session.AssertNoConsoleErrors();
    }
}
