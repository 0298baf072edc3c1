using Payung.Access.ManageUsers;
using Payung.Shared;

namespace Payung.Access.Pages.Admin.Pengguna;

/// <summary>
/// The role, region code and BPJS branch inputs shared by the user and API key forms (partial
/// <c>_RoleScopeFields</c>). Only roles the caller may hand out are offered; the branch list only
/// when the caller may appoint BPJS officers.
/// </summary>
public sealed record RoleScopeFields(
    IReadOnlyList<Role> Roles,
    IReadOnlyList<BranchOption> Branches,
    string? Role,
    string? ScopeCode,
    string? BranchCode)
{
    public static async Task<RoleScopeFields> ForAsync(CallerScope caller, RoleAssignment assignment,
        string? role, string? scopeCode, string? branchCode, CancellationToken ct)
    {
        var roles = RoleAssignment.AssignableBy(caller);
        var branches = roles.Contains(Shared.Role.BpjsOfficer) ? await assignment.BranchesAsync(ct) : [];
        return new RoleScopeFields(roles, branches, role, scopeCode, branchCode);
    }
}
