using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payung.Programs.ManageProgrammes;
using Payung.Shared;
using static Payung.Tests.Programs.Programmes.ProgrammesTestKit;
using static Payung.Tests.Registry.Workers.WorkersTestKit;

namespace Payung.Tests.Programs.Programmes;

/// <summary>
/// The programme list a real office uses: search by name, region (of, inside or around), funder, status (with
/// <c>ended</c> following the calendar) and fiscal year, paged, through <c>GET /api/v1/programmes</c> and <c>/program</c>.
/// Every test names its programmes with a marker of its own and searches by it, so other tests' rows never count.
/// </summary>
public sealed class ProgrammeListTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static string Marker() => "Daftar" + Guid.NewGuid().ToString("N")[..8];

    private async Task<JsonElement> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/programmes?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Web);
    }

    private static List<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();

    private async Task ActivateAsync(Guid id)
    {
        using var scope = factory.Services.CreateScope();
        var activated = await scope.As<ActivateProgramme>(AsSystem).ExecuteAsync(id, CancellationToken.None);
        Assert.True(activated.Succeeded, activated.Refusal?.Code);
    }

    private ContributionMonth ThisMonth()
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<BusinessCalendar>().CurrentMonth();
    }

    [Fact]
    public async Task ListProgrammes_ByNameCaseInsensitively_FindsOnlyTheMatchingOnes()
    {
        var marker = Marker();
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        await CreateProgrammeAsync(factory, NewProgramme(funder.Id) with { Name = $"Nelayan {marker} Kalianda" });
        await CreateProgrammeAsync(factory, NewProgramme(funder.Id) with { Name = $"Petani {marker} Natar" });
        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);

        var nelayan = await ListAsync(client, $"q=nelayan%20{marker.ToUpperInvariant()}");
        var both = await ListAsync(client, $"q={marker.ToLowerInvariant()}");
        var wildcard = await ListAsync(client, $"q={marker}%25");

        Assert.Equal([$"Nelayan {marker} Kalianda"], Names(nelayan));
        Assert.Equal(2, both.GetProperty("total").GetInt32());
        Assert.Equal(0, wildcard.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ListProgrammes_ByRegion_FindsTheRegionsOwnTheOnesInsideItAndTheOnesCoveringIt()
    {
        var marker = Marker();
        var regency = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        var jondong = await CreateFunderAsync(factory, "pemdes", Jondong);
        var hajimena = await CreateFunderAsync(factory, "pemdes", Hajimena);
        await CreateProgrammeAsync(factory, NewProgramme(regency.Id) with { Name = $"{marker} kabupaten" });
        await CreateProgrammeAsync(factory, NewProgramme(jondong.Id, "DANA_DESA") with { Name = $"{marker} Jondong" });
        await CreateProgrammeAsync(factory, NewProgramme(hajimena.Id, "DANA_DESA") with { Name = $"{marker} Hajimena" });
        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);

        var ofJondong = await ListAsync(client, $"q={marker}&region={Jondong}");
        var ofKalianda = await ListAsync(client, $"q={marker}&region=18.01.06");
        var ofRegency = await ListAsync(client, $"q={marker}&region={LampungSelatan}");

        Assert.Equal([$"{marker} Jondong", $"{marker} kabupaten"], Names(ofJondong));
        Assert.Equal([$"{marker} Jondong", $"{marker} kabupaten"], Names(ofKalianda));
        Assert.Equal(3, ofRegency.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ListProgrammes_ByFunderAndYear_FindsThatFundersProgrammesOfThatYear()
    {
        var marker = Marker();
        var regency = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        var province = await CreateFunderAsync(factory, "pemprov", Lampung);
        var other = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        await CreateProgrammeAsync(factory, NewProgramme(regency.Id) with { Name = $"{marker} 2026" });
        await CreateProgrammeAsync(factory, NewProgramme(regency.Id) with { Name = $"{marker} 2025", FiscalYear = 2025, MonthFrom = "2025-05", MonthTo = "2025-09" });
        await CreateProgrammeAsync(factory, NewProgramme(other.Id) with { Name = $"{marker} bersama", CofunderId = province.Id, CofunderSharePercent = 30m });
        var client = await ClientAsync(factory, Role.NationalAdmin, null);

        var ofRegency2025 = await ListAsync(client, $"q={marker}&funderId={regency.Id}&year=2025");
        var coFunded = await ListAsync(client, $"q={marker}&funderId={province.Id}");

        Assert.Equal([$"{marker} 2025"], Names(ofRegency2025));
        Assert.Equal([$"{marker} bersama"], Names(coFunded));
    }

    [Fact]
    public async Task ListProgrammes_ByStatus_TellsARunningProgrammeFromOneWhoseMonthsHavePassed()
    {
        var marker = Marker();
        var now = ThisMonth();
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        var past = await CreateProgrammeAsync(factory, NewProgramme(funder.Id) with
        {
            Name = $"{marker} lewat", FiscalYear = 2025, MonthFrom = "2025-05", MonthTo = "2025-09",
        });
        var running = await CreateProgrammeAsync(factory, NewProgramme(funder.Id) with
        {
            Name = $"{marker} berjalan", FiscalYear = now.Year, MonthFrom = now.ToString(), MonthTo = now.ToString(),
        });
        await CreateProgrammeAsync(factory, NewProgramme(funder.Id) with { Name = $"{marker} draf" });
        await ActivateAsync(past.Id);
        await ActivateAsync(running.Id);
        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);

        Assert.Equal([$"{marker} lewat"], Names(await ListAsync(client, $"q={marker}&status=ended")));
        Assert.Equal([$"{marker} berjalan"], Names(await ListAsync(client, $"q={marker}&status=active")));
        Assert.Equal([$"{marker} draf"], Names(await ListAsync(client, $"q={marker}&status=draft")));
        var ended = await ListAsync(client, $"q={marker}&status=ended");
        Assert.Equal("active", ended.GetProperty("items")[0].GetProperty("status").GetString());

        var page = await client.GetStringAsync($"/program?q={marker}");
        Assert.Contains("Selesai, belum ditutup", page, StringComparison.Ordinal);
        Assert.Contains($"data-programme-id=\"{running.Id}\" data-state=\"active\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-programme-id=\"{past.Id}\" data-state=\"ended\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListProgrammes_InPages_KeepsTheFiltersAndCountsTheTotal()
    {
        var marker = Marker();
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        foreach (var n in Enumerable.Range(1, 3))
        {
            await CreateProgrammeAsync(factory, NewProgramme(funder.Id) with { Name = $"{marker} {n}" });
        }

        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);

        var second = await ListAsync(client, $"q={marker}&pageSize=2&page=2");

        Assert.Equal((3, 2, 2), (second.GetProperty("total").GetInt32(), second.GetProperty("page").GetInt32(), second.GetProperty("pageSize").GetInt32()));
        Assert.Equal([$"{marker} 3"], Names(second));
    }

    [Theory]
    [InlineData("status=running", "status")]
    [InlineData("region=18-01", "region")]
    [InlineData("funderId=bukan-uuid", "funderId")]
    [InlineData("year=1999", "year")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=101", "pageSize")]
    public async Task ListProgrammes_WithABadFilter_Answers400WithTheField(string query, string field)
    {
        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);

        var response = await client.GetAsync("/api/v1/programmes?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Web);
        Assert.Equal("request.invalid", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
    }

    [Fact]
    public async Task ProgrammeListPage_ShowsRegionAndFunderByNameAndLinksPagesWithTheFilters()
    {
        var marker = Marker();
        var village = await CreateFunderAsync(factory, "pemdes", Jondong);
        foreach (var n in Enumerable.Range(1, 26))
        {
            await CreateProgrammeAsync(factory, NewProgramme(village.Id, "DANA_DESA") with { Name = $"{marker} {n:00}" });
        }

        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);

        var html = await client.GetStringAsync($"/program?q={marker}&status=draft&tahun=2026");

        Assert.Contains("Jondong, Kalianda, Kabupaten Lampung Selatan", html, StringComparison.Ordinal);
        Assert.Contains(village.Name, html, StringComparison.Ordinal);
        Assert.Contains("26 program", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/program?q={marker}&amp;status=draft&amp;tahun=2026&amp;halaman=2\"", html, StringComparison.Ordinal);
        var second = await client.GetStringAsync($"/program?q={marker}&status=draft&tahun=2026&halaman=2");
        Assert.Contains($"{marker} 26", second, StringComparison.Ordinal);
        Assert.DoesNotContain($"{marker} 01", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgrammeListPage_WithABadFilter_ShowsThePagesOwnMessage()
    {
        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);

        var response = await client.GetAsync("/program?tahun=dua-ribu&status=semua");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tahun anggaran ditulis dengan angka", html, StringComparison.Ordinal);
        var badStatus = await client.GetStringAsync("/program?status=semua");
        Assert.Contains("Status harus draft, active, ended atau closed.", badStatus, StringComparison.Ordinal);
    }
}
