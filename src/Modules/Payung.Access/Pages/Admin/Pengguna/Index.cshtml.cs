using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Access.ManageUsers;

namespace Payung.Access.Pages.Admin.Pengguna;

/// <summary>
/// Users in the caller's scope with search and filters: the same <see cref="ListUsers"/> as
/// <c>GET /api/v1/users</c>.
/// </summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class IndexModel(ListUsers listUsers) : PageModel
{
    public string? Q { get; private set; }
    public string? Role { get; private set; }
    public string? Region { get; private set; }

    public Paged<UserResponse>? Result { get; private set; }

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
        if (outcome.Succeeded)
        {
            Result = outcome.Value;
        }
        else
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

    public string InvalidClass(string field) => Errors.ContainsKey(field) ? "is-invalid" : "";
}
