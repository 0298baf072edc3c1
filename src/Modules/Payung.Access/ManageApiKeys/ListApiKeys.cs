using Microsoft.EntityFrameworkCore;
using Payung.Access.ManageUsers;

namespace Payung.Access.ManageApiKeys;

/// <summary>API keys inside the caller's scope, usable ones first, newest first.</summary>
public sealed class ListApiKeys(AccessDbContext db)
{
    public async Task<Outcome<Paged<ApiKeyResponse>>> ExecuteAsync(int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        (var p, var size) = Paging.Read(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        var query = db.ApiKeys.AsNoTracking();
        var total = await query.CountAsync(ct);
        var items = await query
            .OrderBy(k => k.RevokedAt != null)
            .ThenByDescending(k => k.CreatedAt)
            .ThenBy(k => k.Id)
            .Skip((p - 1) * size)
            .Take(size)
            .Select(ApiKeyResponse.FromEntity)
            .ToListAsync(ct);
        return new Paged<ApiKeyResponse>(items, p, size, total);
    }
}
