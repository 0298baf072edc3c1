using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Access.ManageUsers;
using Payung.Infrastructure;
using Payung.Regions.Contracts;
using Payung.Shared;

namespace Payung.Access.Pages.Admin.Pengguna;

/// <summary>
/// Edit a user: the same <see cref="GetUser"/> and <see cref="UpdateUser"/> as the API. A user outside
/// the caller's scope is a 404 here too.
/// </summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class UbahModel(GetUser getUser, UpdateUser updateUser, RoleAssignment assignment, IRegionDirectory regions,
    CallerContext caller) : PageModel
{
    [BindProperty(Name = "displayName")]
    public string? DisplayName { get; set; }

    [BindProperty(Name = "role")]
    public string? Role { get; set; }

    [BindProperty(Name = "scopeCode")]
    public string? ScopeCode { get; set; }

    [BindProperty(Name = "branchCode")]
    public string? BranchCode { get; set; }

    [BindProperty(Name = "isActive")]
    public bool IsActive { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The user as stored (not as typed into the form).</summary>
    public UserResponse Account { get; private set; } = null!;

    public RoleScopeFields Fields { get; private set; } = null!;

    /// <summary>The stored scope in words, for the summary under the heading.</summary>
    public ScopeWords Words { get; private set; } = ScopeWords.None;

    /// <summary>The caller edits their own account: only the display name may change.</summary>
    public bool IsSelf => caller.Scope is { Kind: ActorKind.User } me && me.ActorId == Account.Id;

    /// <summary>False for users the caller may see but not manage (e.g. a regency's executive viewer).</summary>
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        (DisplayName, Role, ScopeCode, BranchCode, IsActive) =
            (Account.DisplayName, Account.Role, Account.ScopeCode, Account.BranchCode, Account.IsActive);
        Fields = await RoleScopeFields.ForAsync(caller.Scope, assignment, regions, Role, ScopeCode, BranchCode, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await updateUser.ExecuteAsync(id, new UpdateUserRequest(DisplayName, Role, ScopeCode, BranchCode, IsActive), ct);
        if (outcome is { Succeeded: false, Refusal.Status: StatusCodes.Status404NotFound })
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            Notice = AccessText.T.Format("Perubahan pada {0} telah disimpan.", outcome.Value.Username);
            return Redirect($"/admin/pengguna/{id}");
        }

        FormErrors.Add(ModelState, outcome.Refusal);
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Fields = await RoleScopeFields.ForAsync(caller.Scope, assignment, regions, Role, ScopeCode, BranchCode, ct);
        return Page();
    }

    public string? ErrorFor(string field) => FormErrors.Of(ModelState, field);

    public string InvalidClass(string field) => ErrorFor(field) is null ? "" : "is-invalid";

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await getUser.ExecuteAsync(id, ct);
        if (!found.Succeeded)
        {
            return false;
        }

        Account = found.Value;
        Words = await ScopeWords.LoadAsync(regions, assignment, [(Account.ScopeCode, Account.BranchCode)], ct);
        CanManage = RoleCodes.TryParse(Account.Role, out var role) &&
                    RoleAssignment.CheckManages(caller.Scope, role, Account.ScopeCode, "user") is null;
        return true;
    }
}
