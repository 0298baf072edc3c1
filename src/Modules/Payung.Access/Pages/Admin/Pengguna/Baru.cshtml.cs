using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Access.ManageUsers;
using Payung.Infrastructure;
using Payung.Regions.Contracts;

namespace Payung.Access.Pages.Admin.Pengguna;

/// <summary>Create a user: the same <see cref="CreateUser"/> as <c>POST /api/v1/users</c>.</summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class BaruModel(CreateUser createUser, RoleAssignment assignment, IRegionDirectory regions, CallerContext caller) : PageModel
{
    [BindProperty(Name = "username")]
    public string? Username { get; set; }

    [BindProperty(Name = "displayName")]
    public string? DisplayName { get; set; }

    [BindProperty(Name = "role")]
    public string? Role { get; set; }

    [BindProperty(Name = "scopeCode")]
    public string? ScopeCode { get; set; }

    [BindProperty(Name = "branchCode")]
    public string? BranchCode { get; set; }

    [BindProperty(Name = "password")]
    public string? Password { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public RoleScopeFields Fields { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Fields = await RoleScopeFields.ForAsync(caller.Scope, assignment, regions, Role, ScopeCode, BranchCode, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await createUser.ExecuteAsync(
            new CreateUserRequest(Username, DisplayName, Role, ScopeCode, BranchCode, Password), ct);
        if (outcome.Succeeded)
        {
            Notice = AccessText.T.Format("Pengguna {0} telah dibuat.", outcome.Value.Username);
            return Redirect($"/admin/pengguna/{outcome.Value.Id}");
        }

        FormErrors.Add(ModelState, outcome.Refusal);
        Password = null; // never echoed back into the page
        Fields = await RoleScopeFields.ForAsync(caller.Scope, assignment, regions, Role, ScopeCode, BranchCode, ct);
        return Page();
    }

    public string? ErrorFor(string field) => FormErrors.Of(ModelState, field);

    public string InvalidClass(string field) => ErrorFor(field) is null ? "" : "is-invalid";
}
