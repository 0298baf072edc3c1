using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Access.ManageUsers;

namespace Payung.Access.Pages.Admin.Pengguna;

/// <summary>Set a new password: the same <see cref="ResetUserPassword"/> as <c>POST /api/v1/users/{id}/password</c>.</summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class KataSandiModel(GetUser getUser, ResetUserPassword resetPassword) : PageModel
{
    [BindProperty(Name = "password")]
    public string? Password { get; set; }

    [BindProperty(Name = "passwordConfirmation")]
    public string? PasswordConfirmation { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public UserResponse Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Password != PasswordConfirmation)
        {
            ModelState.AddModelError("passwordConfirmation", AccessText.T["Konfirmasi tidak sama dengan kata sandi baru."]);
        }
        else if (await resetPassword.ExecuteAsync(id, new ResetUserPasswordRequest(Password), ct) is { } refusal)
        {
            if (refusal.Status == StatusCodes.Status404NotFound)
            {
                return NotFound();
            }

            FormErrors.Add(ModelState, refusal);
        }
        else
        {
            Notice = AccessText.T.Format("Kata sandi {0} telah diganti dan akunnya tidak lagi terkunci.", Account.Username);
            return Redirect($"/admin/pengguna/{id}");
        }

        Password = PasswordConfirmation = null;
        return Page();
    }

    public string? ErrorFor(string field) => FormErrors.Of(ModelState, field);

    public string InvalidClass(string field) => ErrorFor(field) is null ? "" : "is-invalid";

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await getUser.ExecuteAsync(id, ct);
        if (found.Succeeded)
        {
            Account = found.Value;
        }

        return found.Succeeded;
    }
}
