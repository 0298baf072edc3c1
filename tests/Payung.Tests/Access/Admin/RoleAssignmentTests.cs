using Payung.Access.ManageUsers;
using Payung.Shared;

namespace Payung.Tests.Access.Admin;

/// <summary>Who may hand out which role where, without a database: the rule tables at their edges.</summary>
public sealed class RoleAssignmentTests
{
    private static CallerScope Disnaker(string regency) =>
        CallerScope.ForActor(ActorKind.User, Guid.NewGuid(), "disnaker", Role.DisnakerOperator, regency, null, [regency], null);

    private static readonly CallerScope National =
        CallerScope.ForActor(ActorKind.User, Guid.NewGuid(), "admin", Role.NationalAdmin, null, null, [], null);

    [Theory]
    [InlineData(Role.DesaOperator, "18.01.06.2001", null)]
    [InlineData(Role.KecamatanOperator, "18.01.06", null)]
    [InlineData(Role.DisnakerOperator, "18.01", null)]
    [InlineData(Role.DesaOperator, "18.71.01.1003", "user.scope_outside")]   // the neighbouring city
    [InlineData(Role.DisnakerOperator, "18.02", "user.scope_outside")]       // the next regency number
    [InlineData(Role.ExecutiveViewer, "18.01", "user.role_not_assignable")]
    [InlineData(Role.ProvinceViewer, "18", "user.role_not_assignable")]
    [InlineData(Role.NationalAdmin, null, "user.role_not_assignable")]
    [InlineData(Role.BpjsOfficer, null, "user.role_not_assignable")]
    public void CheckManages_ForADisnakerOperator(Role role, string? scopeCode, string? refusal) =>
        Assert.Equal(refusal, RoleAssignment.CheckManages(Disnaker("18.01"), role, scopeCode, "user")?.Code);

    [Theory]
    [InlineData(Role.NationalAdmin, null)]
    [InlineData(Role.BpjsOfficer, null)]
    [InlineData(Role.ProvinceViewer, "16")]
    [InlineData(Role.DesaOperator, "16.04.01.2001")]
    public void CheckManages_ForANationalAdmin_AllowsEverything(Role role, string? scopeCode) =>
        Assert.Null(RoleAssignment.CheckManages(National, role, scopeCode, "user"));

    [Fact]
    public void CheckManages_ForAnAnonymousCaller_AllowsNothing() =>
        Assert.Equal("api_key.role_not_assignable",
            RoleAssignment.CheckManages(CallerScope.Anonymous, Role.DesaOperator, "18.01.06.2001", "api_key")?.Code);

    [Theory]
    [InlineData("desa_operator", "18.01.06.2001", null, null)]
    [InlineData("desa_operator", "1801062001", null, null)]          // digits without dots are the same code
    [InlineData("desa_operator", "  ", "", "scopeCode")]            // blank is absent: the scope is missing
    [InlineData("desa_operator", "18.01.06", null, "scopeCode")]
    [InlineData("desa_operator", "18.01.06.2001", "BDL", "branchCode")]
    [InlineData("bpjs_officer", null, null, "branchCode")]
    [InlineData("bpjs_officer", "18.01", "BDL", "scopeCode")]
    [InlineData("bpjs_officer", null, "bdl", null)]                 // branch codes are upper-cased
    [InlineData("bpjs_officer", null, "B D L", "branchCode")]
    [InlineData("national_admin", "18", null, "scopeCode")]
    [InlineData("Desa_Operator", "18.01.06.2001", null, "role")]
    [InlineData(null, "18.01.06.2001", null, "role")]
    public void Read_NamesTheFieldAtFault(string? role, string? scopeCode, string? branchCode, string? field)
    {
        var errors = new Dictionary<string, string[]>();

        var read = RoleAssignment.Read(role, scopeCode, branchCode, errors);

        Assert.Equal(field is null, read is not null);
        Assert.Equal(field is null ? [] : [field], errors.Keys);
    }

    [Fact]
    public void Read_NormalisesTheScopeCodeAndBranch()
    {
        var errors = new Dictionary<string, string[]>();

        var desa = RoleAssignment.Read("desa_operator", "1801062001", null, errors);
        var bpjs = RoleAssignment.Read("bpjs_officer", null, " bdl ", errors);

        Assert.Equal(("18.01.06.2001", "18.01"), (desa?.Scope.ScopeCode, desa?.Scope.RegencyCode));
        Assert.Equal("BDL", bpjs?.Scope.BranchCode);
    }
}
