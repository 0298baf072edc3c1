using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Payung.Access.SignIn;

namespace Payung.Access.Pages.Masuk;

[AllowAnonymous]
[EnableRateLimiting(AccessModule.SignInRateLimit)]
public sealed class IndexModel(SignInUser signIn) : PageModel
{
    // Checked in OnPostAsync rather than by validation attributes, so the messages come in the page's language.
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true, Name = "kembali")]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Check(nameof(Username), Username, 40, "Nama pengguna wajib diisi.", "Nama pengguna terlalu panjang.");
        Check(nameof(Password), Password, 200, "Kata sandi wajib diisi.", "Kata sandi terlalu panjang.");
        if (!ModelState.IsValid)
        {
            Password = null;
            return Page();
        }

        var result = await signIn.ExecuteAsync(Username!, Password!, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        switch (result.Outcome)
        {
            case SignInOutcome.Succeeded:
                var user = result.User!;
                var identity = new ClaimsIdentity(
                    [
                        new Claim(AccessClaims.ActorId, user.Id.ToString()),
                        new Claim(AccessClaims.ActorKind, "user"),
                        new Claim(ClaimTypes.Name, user.Username),
                    ],
                    AccessClaims.CookieScheme);
                await HttpContext.SignInAsync(AccessClaims.CookieScheme, new ClaimsPrincipal(identity),
                    new AuthenticationProperties { IsPersistent = false });
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInOutcome.LockedOut:
                Error = AccessText.T["Akun dikunci sementara karena terlalu banyak percobaan yang salah. Coba lagi nanti."];
                break;
            default:
                Error = AccessText.T["Nama pengguna atau kata sandi salah."];
                break;
        }

        Password = null;
        return Page();
    }

    private void Check(string field, string? value, int maxLength, string missing, string tooLong)
    {
        if (string.IsNullOrEmpty(value))
        {
            ModelState.AddModelError(field, AccessText.T[missing]);
        }
        else if (value.Length > maxLength)
        {
            ModelState.AddModelError(field, AccessText.T[tooLong]);
        }
    }
}
