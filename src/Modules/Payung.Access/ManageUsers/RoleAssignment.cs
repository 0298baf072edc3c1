using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Payung.Access.Contracts;
using Payung.Infrastructure;
using Payung.Regions.Contracts;
using Payung.Shared;

namespace Payung.Access.ManageUsers;

/// <summary>
/// Who may hand out which role where, for users and API keys alike: the role must be one the manager
/// may assign, its scope must fit the role, lie inside the manager's own scope, and name a region or
/// BPJS branch that exists. A Disnaker operator thereby hands out only operator roles in its regency.
/// </summary>
public sealed partial class RoleAssignment(AccessDbContext db, IRegionDirectory regions)
{
    /// <summary>Same pattern as the check constraint on access.bpjs_branch.code.</summary>
    [GeneratedRegex("^[A-Z0-9_-]{2,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex BranchCodePattern();

    /// <summary>The roles the caller may hand out; the system itself (CLI, seeding) any.</summary>
    public static IReadOnlyList<Role> AssignableBy(CallerScope manager) =>
        manager.Kind == ActorKind.System ? Enum.GetValues<Role>()
        : manager.Role is { } role ? Permissions.AssignableBy(role)
        : [];

    /// <summary>
    /// Reads role, scope code and branch code from a request (blank means absent). Shape problems go to
    /// <paramref name="errors"/> under the fields <c>role</c>, <c>scopeCode</c>, <c>branchCode</c>.
    /// </summary>
    public static (Role Role, RoleScope Scope)? Read(string? role, string? scopeCode, string? branchCode,
        IDictionary<string, string[]> errors)
    {
        if (!RoleCodes.TryParse(role?.Trim(), out var parsed))
        {
            errors["role"] = [string.IsNullOrWhiteSpace(role)
                ? "Peran wajib diisi."
                : $"Peran tidak dikenal; pilih salah satu dari {string.Join(", ", RoleCodes.All)}."];
            return null;
        }

        var scope = string.IsNullOrWhiteSpace(scopeCode) ? null : scopeCode.Trim();
        var branch = string.IsNullOrWhiteSpace(branchCode) ? null : branchCode.Trim().ToUpperInvariant();
        if (branch is not null && !BranchCodePattern().IsMatch(branch))
        {
            errors["branchCode"] = ["Kode kantor cabang 2–20 karakter: huruf besar, angka, garis bawah atau tanda hubung."];
            return null;
        }

        if (RoleScope.TryCreate(parsed, scope, branch, out var error) is not { } roleScope)
        {
            // Blame the field that is wrong for this role: a branch where none belongs, else the region code.
            var field = parsed == Role.BpjsOfficer
                ? (branch is null ? "branchCode" : "scopeCode")
                : (branch is not null ? "branchCode" : "scopeCode");
            errors[field] = [error!];
            return null;
        }

        return (parsed, roleScope);
    }

    /// <summary>Whether the caller may give this role and scope, and whether its region or branch exists.</summary>
    public async Task<Refusal?> CheckAsync(CallerScope manager, Role role, RoleScope scope, string entity, CancellationToken ct)
    {
        if (CheckManages(manager, role, scope.ScopeCode, entity) is { } refused)
        {
            return refused;
        }

        if (scope.ScopeCode is { } code && await regions.FindAsync(RegionCode.Parse(code), ct) is null)
        {
            return Refusal.Rule("region.not_found", "Wilayah tidak ditemukan.",
                $"Tidak ada wilayah dengan kode {code} dalam daftar resmi Kemendagri.");
        }

        if (scope.BranchCode is { } branch && !await db.Branches.AnyAsync(b => b.Code == branch, ct))
        {
            return Refusal.Rule("branch.not_found", "Kantor cabang BPJS tidak ditemukan.",
                $"Tidak ada kantor cabang dengan kode {branch}.");
        }

        return null;
    }

    public async Task<IReadOnlyList<BranchOption>> BranchesAsync(CancellationToken ct) =>
        await db.Branches.AsNoTracking().OrderBy(b => b.Name).Select(b => new BranchOption(b.Code, b.Name)).ToListAsync(ct);

    /// <summary>
    /// Whether the caller may hand out, or change a user or key holding, this role at this scope code
    /// (<c>entity</c> prefixes the refusal code: <c>user.role_not_assignable</c>, <c>api_key.scope_outside</c>).
    /// </summary>
    public static Refusal? CheckManages(CallerScope manager, Role role, string? scopeCode, string entity)
    {
        if (!AssignableBy(manager).Contains(role))
        {
            return Refusal.Rule($"{entity}.role_not_assignable", "Anda tidak berwenang memberikan peran ini.",
                $"Peran {role.ToCode()} di luar peran yang boleh Anda kelola.");
        }

        // A scope without a region (national, BPJS branch) is wider than any regency: national callers only.
        var inside = scopeCode is null ? manager.AllRegions : manager.Covers(scopeCode);
        return inside
            ? null
            : Refusal.Rule($"{entity}.scope_outside", "Wilayah ini di luar wilayah kewenangan Anda.",
                scopeCode is null ? null : $"Kode wilayah {scopeCode} tidak berada dalam wilayah Anda.");
    }
}
