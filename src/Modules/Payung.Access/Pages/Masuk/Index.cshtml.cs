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
    [BindProperty]
    [Required(ErrorMessage = "Nama pengguna wajib diisi.")]
    [StringLength(40, ErrorMessage = "Nama pengguna terlalu panjang.")]
    public string? Username { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Kata sandi wajib diisi.")]
    [StringLength(200, ErrorMessage = "Kata sandi terlalu panjang.")]
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
        if (!ModelState.IsValid)
        {
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
                Error = "Akun dikunci sementara karena terlalu banyak percobaan yang salah. Coba lagi nanti.";
                break;
            default:
                Error = "Nama pengguna atau kata sandi salah.";
                break;
        }

        Password = null;
        return Page();
    }
}
