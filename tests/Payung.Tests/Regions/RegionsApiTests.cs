using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Payung.Tests.Regions;

public sealed class RegionsApiTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private sealed record RegionDto(string Code, string Name, string Level, string? ParentCode,
        int DistrictCount, int VillageCount, int DesaCount, int KelurahanCount);

    [Fact]
    public async Task GetRegion_LampungSelatan_Has17DistrictsAnd260Villages()
    {
        var region = await client.GetFromJsonAsync<RegionDto>("/api/v1/regions/18.01");

        Assert.NotNull(region);
        Assert.Equal(new RegionDto("18.01", "Kabupaten Lampung Selatan", "regency", "18", 17, 260, 256, 4), region);
    }

    [Fact]
    public async Task GetRegion_Lahat_Has360Desa()
    {
        var region = await client.GetFromJsonAsync<RegionDto>("/api/v1/regions/16.04");

        Assert.Equal(360, region!.DesaCount);
        Assert.Equal(region.VillageCount, region.DesaCount + region.KelurahanCount);
    }

    [Fact]
    public async Task SearchRegions_WithoutQuery_Lists38Provinces()
    {
        var provinces = await client.GetFromJsonAsync<List<RegionDto>>("/api/v1/regions");

        Assert.Equal(38, provinces!.Count);
        Assert.All(provinces, p => Assert.Equal("province", p.Level));
        Assert.Equal(514, await CountChildrenAsync(provinces));
        Assert.Equal(7285, provinces.Sum(p => p.DistrictCount));
        Assert.Equal(83762, provinces.Sum(p => p.VillageCount));
    }

    private async Task<int> CountChildrenAsync(IEnumerable<RegionDto> provinces)
    {
        var total = 0;
        foreach (var p in provinces)
        {
            total += (await client.GetFromJsonAsync<List<RegionDto>>($"/api/v1/regions/{p.Code}/children"))!.Count;
        }

        return total;
    }

    [Fact]
    public async Task ListChildRegions_LampungSelatan_Returns17DistrictsIncludingKalianda()
    {
        var districts = await client.GetFromJsonAsync<List<RegionDto>>("/api/v1/regions/18.01/children");

        Assert.Equal(17, districts!.Count);
        var kalianda = Assert.Single(districts, d => d.Name == "Kalianda");
        Assert.Equal(new RegionDto("18.01.06", "Kalianda", "district", "18.01", 0, 29, 25, 4), kalianda);
    }

    [Theory]
    [InlineData("1801", "18.01")]
    [InlineData("18.01.06.2001", "18.01.06.2001")]
    public async Task GetRegion_AcceptsUndottedAndVillageCodes(string asked, string expected)
    {
        var region = await client.GetFromJsonAsync<RegionDto>($"/api/v1/regions/{asked}");

        Assert.Equal(expected, region!.Code);
    }

    [Theory]
    [InlineData("/api/v1/regions/99.99")]
    [InlineData("/api/v1/regions/18.99.01/children")]
    public async Task UnknownRegion_Returns404ProblemWithCode(string url)
    {
        var response = await client.GetAsync(url);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "region.not_found");
    }

    [Theory]
    [InlineData("/api/v1/regions/abc")]
    [InlineData("/api/v1/regions/18.1")]
    [InlineData("/api/v1/regions/00")]
    [InlineData("/api/v1/regions/18.01.06.20011/children")]
    public async Task MalformedRegionCode_Returns400ProblemWithCode(string url)
    {
        var response = await client.GetAsync(url);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "region.code_invalid");
    }

    [Fact]
    public async Task SearchRegions_ByName_FindsKaliandaDistrictBeforeVillage()
    {
        var hits = await client.GetFromJsonAsync<List<RegionDto>>("/api/v1/regions?q=kalianda");

        Assert.Equal(["18.01.06", "18.01.06.1007"], hits!.Select(h => h.Code).Take(2));
    }

    [Fact]
    public async Task SearchRegions_TreatsWildcardsLiterally()
    {
        var hits = await client.GetFromJsonAsync<List<RegionDto>>("/api/v1/regions?q=%25%25");

        Assert.Empty(hits!);
    }

    [Theory]
    [InlineData("/api/v1/regions?q=a")]
    [InlineData("/api/v1/regions?q=lahat&level=planet")]
    [InlineData("/api/v1/regions?q=lahat&limit=0")]
    public async Task SearchRegions_WithBadParameters_Returns400(string url)
    {
        var response = await client.GetAsync(url);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, doc.RootElement.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(doc.RootElement.GetProperty("title").GetString()));
    }
}
