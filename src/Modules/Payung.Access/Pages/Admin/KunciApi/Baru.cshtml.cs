using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Access.ManageApiKeys;
using Payung.Access.ManageUsers;
using Payung.Access.Pages.Admin.Pengguna;
using Payung.Infrastructure;
using Payung.Regions.Contracts;

namespace Payung.Access.Pages.Admin.KunciApi;

/// <summary>
/// Issue an API key: the same <see cref="CreateApiKey"/> as <c>POST /api/v1/api-keys</c>. The key is shown
/// in the answer to the POST only (no redirect that could show it again) and never cached.
/// </summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class BaruModel(CreateApiKey createKey, RoleAssignment assignment, IRegionDirectory regions, CallerContext caller)
    : PageModel
{
    [BindProperty(Name = "name")]
    public string? Name { get; set; }

    [BindProperty(Name = "role")]
    public string? Role { get; set; }

    [BindProperty(Name = "scopeCode")]
    public string? ScopeCode { get; set; }

    [BindProperty(Name = "branchCode")]
    public string? BranchCode { get; set; }

    public CreatedApiKeyResponse? Created { get; private set; }

    public RoleScopeFields Fields { get; private set; } = null!;

    /// <summary>The new key's scope in words.</summary>
    public ScopeWords Words { get; private set; } = ScopeWords.None;

    public async Task OnGetAsync(CancellationToken ct) =>
        Fields = await RoleScopeFields.ForAsync(caller.Scope, assignment, regions, Role, ScopeCode, BranchCode, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await createKey.ExecuteAsync(new CreateApiKeyRequest(Name, Role, ScopeCode, BranchCode), ct);
        if (outcome.Succeeded)
        {
            Created = outcome.Value;
            Words = await ScopeWords.LoadAsync(regions, assignment, [(Created.ScopeCode, Created.BranchCode)], ct);
            Response.Headers.CacheControl = "no-store";
            Name = Role = ScopeCode = BranchCode = null;
        }
        else
        {
            FormErrors.Add(ModelState, outcome.Refusal);
        }

        Fields = await RoleScopeFields.ForAsync(caller.Scope, assignment, regions, Role, ScopeCode, BranchCode, ct);
        return Page();
    }

    public string? ErrorFor(string field) => FormErrors.Of(ModelState, field);

    public string InvalidClass(string field) => ErrorFor(field) is null ? "" : "is-invalid";
}
