using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Payung.Shared;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Payung.BrowserTests;

/// <summary>
/// The home page is a Disnaker operator's desk: the area by name, the actions the role may take, and the
/// programmes of the area; in both languages, screenshotted.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HomeDeskPageTests(PayungAppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task HomeDesk_ForADisnakerOperator_NamesTheRegency_InBothLanguages_AndIsScreenshotted()
    {
        var username = await BrowserUsers.CreateAsync(app, Role.DisnakerOperator, "18.01");
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await BrowserUsers.SignInAsync(page, username);

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meja kerja hari ini" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("desk-area")).ToContainTextAsync("Kabupaten Lampung Selatan (18.01)");
        var actions = page.GetByTestId("desk-actions");
        await Expect(actions.GetByRole(AriaRole.Link, new() { Name = "Daftarkan pekerja" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Program di wilayah Anda" })).ToBeVisibleAsync();
        await Screenshot(page, "home-desk-id.png");

        await page.GotoAsync("/bahasa/en?returnUrl=%2F");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Today's desk" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("desk-actions").GetByRole(AriaRole.Link, new() { Name = "Register a worker" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Programmes in your area" })).ToBeVisibleAsync();
        await Screenshot(page, "home-desk-en.png");

        await actions.GetByRole(AriaRole.Link, new() { Name = "Register a worker" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/pekerja/baru$"));
        session.AssertNoConsoleErrors();
    }

    private async Task Screenshot(IPage page, string name)
    {
        var path = TestArtifacts.PathFor(name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }
}
