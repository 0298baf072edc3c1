using Microsoft.EntityFrameworkCore;
using Payung.Shared;

namespace Payung.Access.ManageUsers;

/// <param name="Q">Part of the username or display name.</param>
/// <param name="Region">A region code: users whose scope lies in it.</param>
public sealed record ListUsersRequest(string? Q, string? Role, string? Region, int? Page, int? PageSize);

/// <summary>
/// Users the caller may see, filtered and paged. The scope filter of <see cref="AccessDbContext"/> hides
/// everybody outside the caller's region from the items and from the total alike.
/// </summary>
public sealed class ListUsers(AccessDbContext db)
{
    public async Task<Outcome<Paged<UserResponse>>> ExecuteAsync(ListUsersRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var term = request.Q?.Trim();
        if (term is { Length: > 100 })
        {
            errors["q"] = ["Kata pencarian maksimal 100 karakter."];
        }
        else if (term is not null && term.Any(char.IsControl))
        {
            errors["q"] = ["Kata pencarian tidak boleh berisi karakter kendali."];
        }

        Role? role = null;
        if (!string.IsNullOrWhiteSpace(request.Role))
        {
            if (RoleCodes.TryParse(request.Role.Trim(), out var parsed))
            {
                role = parsed;
            }
            else
            {
                errors["role"] = [$"Peran tidak dikenal; pilih salah satu dari {string.Join(", ", RoleCodes.All)}."];
            }
        }

        string? region = null;
        if (!string.IsNullOrWhiteSpace(request.Region))
        {
            if (RegionCode.TryParse(request.Region.Trim(), out var code))
            {
                region = code.Value;
            }
            else
            {
                errors["region"] = ["Kode wilayah tidak valid (contoh: 18, 18.01, 18.01.06, 18.01.06.2001)."];
            }
        }

        var (page, pageSize) = Paging.Read(request.Page, request.PageSize, errors);
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(term))
        {
            // The term is a LIKE pattern parameter, so its own wildcards are escaped, not interpreted.
            var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(u => EF.Functions.ILike(u.Username, pattern, "\\") || EF.Functions.ILike(u.DisplayName, pattern, "\\"));
        }

        if (role is { } r)
        {
            query = query.Where(u => u.Role == r);
        }

        if (region is not null)
        {
            var below = region + ".";
            query = query.Where(u => u.RegionCode == region || u.RegionCode!.StartsWith(below));
        }

        var total = await query.CountAsync(ct);
        var items = await query
            .OrderBy(u => u.Username)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(UserResponse.FromEntity)
            .ToListAsync(ct);
        return new Paged<UserResponse>(items, page, pageSize, total);
    }
}
