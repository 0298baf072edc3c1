using System.Net;
using System.Net.Http.Json;
using System.Text;
using Payung.Tests.Regions;

namespace Payung.Tests.Registry;

public sealed class CheckNikApiTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private sealed record RuleDto(string Code, string Message);

    private sealed record CheckNikDto(bool Valid, List<RuleDto> Errors, List<RuleDto> Warnings,
        string? BirthDate, string? Sex, string? DistrictCode);

    private async Task<CheckNikDto> CheckAsync(object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/nik/check", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CheckNikDto>())!;
    }

    [Fact]
    public async Task Check_ValidFemaleNik_DecodesBirthDateSexAndDistrict()
    {
        var result = await CheckAsync(new { nik = "1801065203850003" });

        Assert.True(result.Valid);
        Assert.Equal(("1985-03-12", "F", "18.01.06"), (result.BirthDate, result.Sex, result.DistrictCode));
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task Check_WhenDeclaredBirthDateAndSexDisagree_IsValidWithTwoWarnings()
    {
        var result = await CheckAsync(new { nik = "1801061203850003", birthDate = "1985-03-21", sex = "F" });

        Assert.True(result.Valid);
        Assert.Equal(["nik.birthdate_mismatch", "nik.sex_mismatch"], result.Warnings.Select(w => w.Code).Order());
        Assert.All(result.Warnings, w => Assert.False(string.IsNullOrWhiteSpace(w.Message)));
    }

    [Fact]
    public async Task Check_WhenDistrictCodeUnknownInKnownRegency_IsOnlyAWarning()
    {
        var result = await CheckAsync(new { nik = "1801991203850003" });

        Assert.True(result.Valid);
        Assert.Equal(["nik.district_unknown"], result.Warnings.Select(w => w.Code));
    }

    [Fact]
    public async Task Check_WithEveryRuleBroken_ReturnsOneErrorPerRule()
    {
        // Regency 18.99 does not exist, 31 February is no date, serial 0000.
        var result = await CheckAsync(new { nik = "1899013102850000" });

        Assert.False(result.Valid);
        Assert.Equal(["nik.date_invalid", "nik.region_unknown", "nik.serial_zero"], result.Errors.Select(e => e.Code).Order());
        Assert.Null(result.BirthDate);
        Assert.Null(result.Sex);
    }

    [Theory]
    [InlineData("180106120385000", "nik.length")]
    [InlineData("18010612038500031", "nik.length")]
    [InlineData("18010612038500O3", "nik.not_digits")]
    [InlineData("", "nik.length")]
    public async Task Check_MalformedNik_IsInvalid(string nik, string code)
    {
        var result = await CheckAsync(new { nik });

        Assert.False(result.Valid);
        Assert.Equal(code, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("""{"nik":"1801061203850003","birthDate":"12-03-1985"}""")]
    [InlineData("""{"nik":"1801061203850003","sex":"L"}""")]
    [InlineData("""{"birthDate":"1985-03-12"}""")]
    public async Task Check_WithBadRequestShape_Returns400Problem(string json)
    {
        var response = await client.PostAsync("/api/v1/nik/check", new StringContent(json, Encoding.UTF8, "application/json"));

        await RegionsApiTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"nik": 1801061203850003}""")]
    public async Task Check_WithUnreadableBody_Returns400Problem(string json)
    {
        var response = await client.PostAsync("/api/v1/nik/check", new StringContent(json, Encoding.UTF8, "application/json"));

        await RegionsApiTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed");
    }
}
