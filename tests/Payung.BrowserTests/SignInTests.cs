using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Payung.Shared;
using static Microsoft.Playwright.Assertions;

namespace Payung.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(PayungAppFixture app)
{
    private const string Password = BrowserUsers.Password;

    private Task<string> CreateDisnakerOperatorAsync() => BrowserUsers.CreateAsync(app, Role.DisnakerOperator, "18.01");

    [Fact]
    public async Task SignIn_ShowsTheUserAndTheAdministrationMenu_AndSignOutEndsTheSession()
    {
        var username = await CreateDisnakerOperatorAsync();
        await using var session = await app.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/");
        await page.GetByTestId("sign-in").ClickAsync();
        await page.GetByLabel("Nama pengguna").FillAsync(username);
        await page.GetByLabel("Kata sandi").FillAsync("salah-sekali-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("Nama pengguna atau kata sandi salah");

        await page.GetByLabel("Kata sandi").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();

        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(username);
        await Expect(page.GetByTestId("nav-admin")).ToBeVisibleAsync();

        await page.GetByTestId("sign-out").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/masuk$"));
        await Expect(page.GetByTestId("sign-in")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav-admin")).ToHaveCountAsync(0);
        session.AssertNoConsoleErrors();
    }
}
