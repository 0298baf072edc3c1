using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Access.ManageUsers;
using Payung.Infrastructure;
using Payung.Regions.Contracts;
using Payung.Shared;

namespace Payung.Access.Pages.Admin.Pengguna;

/// <summary>
/// Users in the caller's scope with search and filters: the same <see cref="ListUsers"/> as
/// <c>GET /api/v1/users</c>.
/// </summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class IndexModel(ListUsers listUsers, RoleAssignment assignment, IRegionDirectory regions, CallerContext caller) : PageModel
{
    public string? Q { get; private set; }
    public string? Role { get; private set; }
    public string? Region { get; private set; }

    public Paged<UserResponse>? Result { get; private set; }

    /// <summary>The listed users' scopes and the region filter in words.</summary>
    public ScopeWords Words { get; private set; } = ScopeWords.None;

    /// <summary>The region filter stays inside the caller's own area; a national administrator's is the country.</summary>
    public string? Within => caller.Scope.AllRegions ? null : caller.Scope.ScopeCode;

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    [TempData]
    public string? Notice { get; set; }

    public int PageCount => Result is { } r ? Math.Max(1, (int)Math.Ceiling(r.Total / (double)r.PageSize)) : 0;

    // Read from the query string by hand: Razor Pages keep a route value called "page" (the page's own
    // path), which model binding would offer before the query's page number.
    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = Request.Query;
        Q = query["q"];
        Role = query["role"];
        Region = query["region"];
        int? page = int.TryParse(query["page"], out var p) ? p : null;
        var outcome = await listUsers.ExecuteAsync(new ListUsersRequest(Q, Role, Region, page, Paging.DefaultPageSize), ct);
        Result = outcome.Succeeded ? outcome.Value : null;
        var scopes = (Result?.Items ?? []).Select(u => (u.ScopeCode, u.BranchCode)).Append((string.IsNullOrWhiteSpace(Region) ? null : Region.Trim(), (string?)null)).ToList();
        Words = await ScopeWords.LoadAsync(regions, assignment, scopes, ct);
        if (!outcome.Succeeded)
        {
            Errors = outcome.Refusal.Errors?.ToDictionary(e => e.Key, e => e.Value.Select(r => r.Message).ToArray())
                ?? new Dictionary<string, string[]> { [""] = [outcome.Refusal.Title] };
        }
    }

    public string PageLink(int page)
    {
        var query = new QueryBuilder();
        foreach (var (key, value) in new[] { ("q", Q), ("role", Role), ("region", Region) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(key, value);
            }
        }

        query.Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/admin/pengguna" + query.ToQueryString();
    }

    /// <summary>Whether the caller may change this user (a regency's executive viewer is listed but not managed).</summary>
    public bool CanManage(UserResponse user) =>
        RoleCodes.TryParse(user.Role, out var role) && RoleAssignment.CheckManages(caller.Scope, role, user.ScopeCode, "user") is null;

    public string InvalidClass(string field) => Errors.ContainsKey(field) ? "is-invalid" : "";
}
