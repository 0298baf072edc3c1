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

    [Fact]
    public async Task SignIn_InEnglish_ReadsUsernamePasswordAndSignIn()
    {
        var username = await CreateDisnakerOperatorAsync();
        await using var session = await app.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/masuk");
        await page.GetByTestId("language-switch").ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Payung" })).ToBeVisibleAsync();
        await page.GetByLabel("Username", new() { Exact = true }).FillAsync(username);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("salah-sekali-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("sign-in-error")).ToHaveTextAsync("Wrong username or password.");

        await BrowserUsers.SignInAsync(page, username);
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task NewUser_TheRegionIsPickedByName_AndTheUserPageShowsItsName()
    {
        var manager = await CreateDisnakerOperatorAsync();
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await BrowserUsers.SignInAsync(page, manager);
        var username = "desa.pilih" + Guid.NewGuid().ToString("N")[..6];

        await page.GotoAsync("/admin/pengguna/baru");
        var form = page.GetByTestId("user-create-form");
        await form.GetByLabel("Nama pengguna").FillAsync(username);
        await form.GetByLabel("Nama lengkap").FillAsync("Operator Desa Jondong");
        await form.GetByLabel("Peran").SelectOptionAsync("desa_operator");
        // A Disnaker operator of Lampung Selatan is offered no roles beyond its own and the operators below it.
        await Expect(form.Locator("select[name=role] option[value=national_admin]")).ToHaveCountAsync(0);
        await page.GetByTestId("picker-scopeCode").Locator("input[type=search]").FillAsync("Jondong");
        await page.Locator("[data-testid=picker-scopeCode] [data-pick-code='18.01.06.2001']").ClickAsync();
        await form.GetByLabel("Kata sandi awal").FillAsync("Sandi-Pilih-2026!");
        await form.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();

        await Expect(page.GetByTestId("notice")).ToContainTextAsync($"Pengguna {username} telah dibuat.");
        await Expect(page.GetByTestId("scope")).ToHaveTextAsync("Jondong, Kalianda, Kabupaten Lampung Selatan (18.01.06.2001)");
        session.AssertNoConsoleErrors();
    }
}
