using Payung.Shared;

namespace Payung.Tests.Access;

public sealed class CallerScopeTests
{
    private static CallerScope For(Role role, string? scope, params string[] regencies) =>
        CallerScope.ForActor(ActorKind.User, Guid.NewGuid(), "uji", role, scope, role == Role.BpjsOfficer ? "BDL" : null, regencies, null);

    [Theory]
    [InlineData(Role.NationalAdmin, null, "16.04.01.2001", true)]
    [InlineData(Role.ProvinceViewer, "18", "18.71.01.1001", true)]
    [InlineData(Role.ProvinceViewer, "18", "16.04.01.2001", false)]
    [InlineData(Role.DisnakerOperator, "18.01", "18.01", true)]
    [InlineData(Role.DisnakerOperator, "18.01", "18.01.06.2001", true)]
    [InlineData(Role.DisnakerOperator, "18.01", "18.71.01.1001", false)]
    [InlineData(Role.DisnakerOperator, "18.01", "18", false)]
    [InlineData(Role.KecamatanOperator, "18.01.06", "18.01.06.2001", true)]
    [InlineData(Role.KecamatanOperator, "18.01.06", "18.01.06", true)]
    [InlineData(Role.KecamatanOperator, "18.01.06", "18.01.07.2001", false)]
    [InlineData(Role.KecamatanOperator, "18.01.06", "18.01", false)]
    [InlineData(Role.DesaOperator, "18.01.06.2001", "18.01.06.2001", true)]
    [InlineData(Role.DesaOperator, "18.01.06.2001", "18.01.06.2002", false)]
    [InlineData(Role.DesaOperator, "18.01.06.2001", "18.01.06", false)]
    [InlineData(Role.ExecutiveViewer, "18.01", "18.01.06.2001", true)]
    public void Covers_ReturnsWhetherTheRecordLiesInTheScope(Role role, string? scope, string record, bool expected)
    {
        var regencies = role switch
        {
            Role.NationalAdmin => Array.Empty<string>(),
            Role.ProvinceViewer => ["18.01", "18.71"],
            _ => [scope![..5]],
        };

        Assert.Equal(expected, For(role, scope, regencies).Covers(record));
    }

    [Theory]
    [InlineData("18.01.06.2001", true)]
    [InlineData("18.71.01.1001", true)]
    [InlineData("16.04.01.2001", false)]
    public void Covers_ForABpjsOfficer_FollowsTheBranchRegencies(string record, bool expected) =>
        Assert.Equal(expected, For(Role.BpjsOfficer, null, "18.01", "18.71").Covers(record));

    [Fact]
    public void Anonymous_CoversNothingAndSeesNoPersonalData()
    {
        Assert.False(CallerScope.Anonymous.Covers("18.01"));
        Assert.False(CallerScope.Anonymous.CanSeePersonalData);
        Assert.Null(PersonalData.For(CallerScope.Anonymous, "1801061203850003"));
    }

    [Theory]
    [InlineData(Role.NationalAdmin, "1801061203850003")]
    [InlineData(Role.DisnakerOperator, "1801061203850003")]
    [InlineData(Role.KecamatanOperator, "1801061203850003")]
    [InlineData(Role.DesaOperator, "1801061203850003")]
    [InlineData(Role.BpjsOfficer, "1801061203850003")]
    [InlineData(Role.ProvinceViewer, "1801********0003")]
    [InlineData(Role.ExecutiveViewer, null)]
    public void PersonalData_IsShownMaskedOrWithheldByRole(Role role, string? expected)
    {
        var scope = For(role, role.ScopeLevel() switch
        {
            RegionLevel.Province => "18",
            RegionLevel.Regency => "18.01",
            RegionLevel.District => "18.01.06",
            RegionLevel.Village => "18.01.06.2001",
            _ => null,
        }, "18.01");

        Assert.Equal(expected, PersonalData.For(scope, "1801061203850003"));
    }

    [Theory]
    [InlineData("081234567890", "0812*****890")]
    [InlineData("123", "***")]
    public void MaskPhone_KeepsPrefixAndLastThree(string phone, string expected) =>
        Assert.Equal(expected, PersonalData.MaskPhone(phone));

    [Fact]
    public void MaskBankAccount_KeepsTheLastFour() =>
        Assert.Equal("******7890", PersonalData.MaskBankAccount("1234567890"));
}
