using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Access.ManageApiKeys;
using Payung.Access.ManageUsers;
using Payung.Infrastructure;
using Payung.Regions.Contracts;
using Payung.Shared;

namespace Payung.Access.Pages.Admin.KunciApi;

/// <summary>
/// API keys in the caller's scope, with a revoke button per key: the same <see cref="ListApiKeys"/> and
/// <see cref="RevokeApiKey"/> as the API.
/// </summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class IndexModel(ListApiKeys listKeys, RevokeApiKey revokeKey, RoleAssignment assignment, IRegionDirectory regions,
    CallerContext caller) : PageModel
{
    public Paged<ApiKeyResponse>? Result { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The listed keys' scopes in words.</summary>
    public ScopeWords Words { get; private set; } = ScopeWords.None;

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? RevokeError { get; set; }

    public int PageCount => Result is { } r ? Math.Max(1, (int)Math.Ceiling(r.Total / (double)r.PageSize)) : 0;

    // "page" is read by hand: Razor Pages keep a route value of that name.
    public async Task OnGetAsync(CancellationToken ct)
    {
        int? page = int.TryParse(Request.Query["page"], out var p) ? p : null;
        var outcome = await listKeys.ExecuteAsync(page, Paging.DefaultPageSize, ct);
        if (outcome.Succeeded)
        {
            Result = outcome.Value;
            Words = await ScopeWords.LoadAsync(regions, assignment, Result.Items.Select(k => (k.ScopeCode, k.BranchCode)).ToList(), ct);
        }
        else
        {
            Error = string.Join(" ", outcome.Refusal.Messages().Select(m => m.Message));
        }
    }

    public async Task<IActionResult> OnPostCabutAsync(Guid id, CancellationToken ct)
    {
        if (await revokeKey.ExecuteAsync(id, ct) is { } refusal)
        {
            if (refusal.Status == StatusCodes.Status404NotFound)
            {
                return NotFound();
            }

            RevokeError = string.Join(" ", refusal.Messages().Select(m => m.Message));
        }
        else
        {
            Notice = AccessText.T["Kunci API telah dicabut; kunci itu tidak dapat dipakai lagi."];
        }

        return Redirect("/admin/kunci-api");
    }

    /// <summary>Whether the caller may revoke the key: the same check <see cref="RevokeApiKey"/> makes.</summary>
    public bool CanRevoke(ApiKeyResponse key) =>
        RoleCodes.TryParse(key.Role, out var role) && RoleAssignment.CheckManages(caller.Scope, role, key.ScopeCode, "api_key") is null;

    public string PageLink(int page) => $"/admin/kunci-api?page={page}";
}
