using Payung.Shared;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Payung.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class NavbarTests(PayungAppFixture app, ITestOutputHelper output)
{
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    [Fact]
    public async Task Navbar_OnAPhone_IsCollapsedBehindTheMenuButton_AndOpensOnTap()
    {
        await using var session = await app.OpenAsync(Phone);
        var page = session.Page;

        await page.GotoAsync("/wilayah/18.01");
        var menu = page.Locator("#mainNav");
        var toggler = page.Locator(".navbar-toggler");
        await Expect(menu).ToBeHiddenAsync();
        await Expect(toggler).ToHaveAttributeAsync("aria-expanded", "false");
        // Nothing wider than the phone: the children table scrolls inside its own box.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The page scrolls sideways on a 360 px wide phone.");

        await toggler.ClickAsync();
        await Expect(menu).ToBeVisibleAsync();
        await Expect(toggler).ToHaveAttributeAsync("aria-expanded", "true");
        var screenshot = TestArtifacts.PathFor("navbar-phone-open.png");
        await page.ScreenshotAsync(new() { Path = screenshot });
        output.WriteLine($"Screenshot: {screenshot}");

        await menu.GetByRole(AriaRole.Link, new() { Name = "Cek NIK" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/cek-nik$"));
        await Expect(page.Locator("#mainNav")).ToBeHiddenAsync();
        session.AssertNoConsoleErrors();
    }

    [Theory]
    [InlineData("id", "Segera hadir")]
    [InlineData("en", "Coming soon")]
    public async Task Navbar_OnASmallLaptop_StaysOneLine_WithTheComingModulesInOneMenu(string language, string soon)
    {
        // 1024 px: just above Bootstrap's lg breakpoint, where the bar stops collapsing.
        await using var session = await app.OpenAsync(new ViewportSize { Width = 1024, Height = 700 });
        var page = session.Page;

        await page.GotoAsync($"/bahasa/{language}?returnUrl=%2Fwilayah");
        var navbar = page.Locator("nav.navbar");
        await Expect(page.Locator(".navbar-toggler")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("language-switch")).ToBeInViewportAsync(new() { Ratio = 1 });
        var box = await navbar.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Height < 70, $"The navbar wraps onto more than one line ({box.Height} px high).");
        await Expect(navbar.GetByRole(AriaRole.Link, new() { Name = language == "en" ? "Regions" : "Wilayah", Exact = true }))
            .ToHaveAttributeAsync("aria-current", "page");

        await page.GetByTestId("nav-soon").ClickAsync();
        await Expect(page.GetByTestId("nav-soon")).ToHaveTextAsync(soon);
        var coming = navbar.Locator(".dropdown-menu .dropdown-item");
        await Expect(coming).ToHaveCountAsync(3);
        await Expect(coming.First).ToBeVisibleAsync();
        await Expect(coming.First).ToHaveAttributeAsync("aria-disabled", "true");
        session.AssertNoConsoleErrors();
    }

    [Theory]
    [InlineData(Role.NationalAdmin, null, "id")]
    [InlineData(Role.NationalAdmin, null, "en")]
    [InlineData(Role.DisnakerOperator, "18.01", "id")]
    public async Task Navbar_ForASignedInOperatorOnALaptop_StaysOneLine(Role role, string? scope, string language)
    {
        var username = await BrowserUsers.CreateAsync(app, role, scope);
        await using var session = await app.OpenAsync(new ViewportSize { Width = 1280, Height = 720 });
        var page = session.Page;
        await BrowserUsers.SignInAsync(page, username);

        await page.GotoAsync($"/bahasa/{language}?returnUrl=%2Fwilayah");
        var box = await page.Locator("nav.navbar").BoundingBoxAsync();

        Assert.NotNull(box);
        Assert.True(box.Height < 70, $"The navbar wraps onto more than one line ({box.Height} px high).");
        await Expect(page.GetByTestId("language-switch")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(page.GetByTestId("sign-out")).ToBeInViewportAsync(new() { Ratio = 1 });
        session.AssertNoConsoleErrors();
    }
}
