using Payung.Access.ManageUsers;
using Payung.Regions.Contracts;
using Payung.Shared;

namespace Payung.Access.Pages.Admin.Pengguna;

/// <summary>
/// The role, region and BPJS branch inputs shared by the user and API key forms (partial
/// <c>_RoleScopeFields</c>). Only roles the caller may hand out are offered; the branch list only
/// when the caller may appoint BPJS officers. The region is chosen with the region picker, within the
/// caller's own area; any level is offered, because the level follows the role chosen in the same form and
/// the use case checks the pair (its message is shown under the picker).
/// </summary>
public sealed record RoleScopeFields(
    IReadOnlyList<Role> Roles,
    IReadOnlyList<BranchOption> Branches,
    string? Role,
    string? ScopeCode,
    string? BranchCode,
    string? ScopeLabel,
    string? Within)
{
    public static async Task<RoleScopeFields> ForAsync(CallerScope caller, RoleAssignment assignment, IRegionDirectory regions,
        string? role, string? scopeCode, string? branchCode, CancellationToken ct)
    {
        var roles = RoleAssignment.AssignableBy(caller);
        var branches = roles.Contains(Shared.Role.BpjsOfficer) ? await assignment.BranchesAsync(ct) : [];
        var scope = string.IsNullOrWhiteSpace(scopeCode) ? null : scopeCode.Trim();
        var label = scope is null ? null : (await regions.NamesAsync([scope], ct)).WithCode(scope);
        return new RoleScopeFields(roles, branches, role, scope, branchCode, label, caller.AllRegions ? null : caller.ScopeCode);
    }
}
