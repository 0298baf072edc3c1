using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Payung.Access;
using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.BrowserTests;

/// <summary>Users of a test's own in the running application, and signing one in through the real page.</summary>
public static class BrowserUsers
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

    public static async Task SignInAsync(IPage page, string username)
    {
        await page.GotoAsync("/masuk");
        await page.GetByLabel("Nama pengguna").FillAsync(username);
        await page.GetByLabel("Kata sandi").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(username);
    }
}
