using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Payung.Access;
using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.BrowserTests;

/// <summary>Users of a test's own in the running application, and signing one in through the real page.</summary>
public static partial class BrowserUsers
{
    public const string Password = "Sandi-Peramban-2026";

    public static async Task<string> CreateAsync(PayungAppFixture app, Role role, string? scopeCode)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().Scope = CallerScope.System("browser-test");
        var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
        var user = AppUser.Create($"{role.ToCode().Split('_')[0]}.{Guid.NewGuid():N}"[..24], "Operator Peramban", role,
            RoleScope.TryCreate(role, scopeCode, null, out _)!, "", DateTimeOffset.UtcNow);
        user.SetPassword(scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>().HashPassword(user, Password), DateTimeOffset.UtcNow);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Username;
    }

    /// <summary>Signs in through the page in either language (the labels read "Nama pengguna" or "Username").</summary>
    public static async Task SignInAsync(IPage page, string username)
    {
        await page.GotoAsync("/masuk");
        var form = page.GetByTestId("sign-in-form");
        await form.GetByLabel(UsernameLabel()).FillAsync(username);
        await form.GetByLabel(PasswordLabel()).FillAsync(Password);
        await form.GetByRole(AriaRole.Button, new() { NameRegex = SignInButton() }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(username);
    }

    [GeneratedRegex("^(Nama pengguna|Username)$")]
    private static partial Regex UsernameLabel();

    [GeneratedRegex("^(Kata sandi|Password)$")]
    private static partial Regex PasswordLabel();

    [GeneratedRegex("^(Masuk|Sign in)$")]
    private static partial Regex SignInButton();
}
