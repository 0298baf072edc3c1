using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payung.Shared;
using static Payung.Tests.Programs.Programmes.ProgrammesTestKit;
using static Payung.Tests.Registry.Workers.WorkersTestKit;

namespace Payung.Tests.Programs.Programmes;

/// <summary>Routes, status codes and ProblemDetails of <c>/api/v1/funders</c> and <c>/api/v1/programmes</c>.</summary>
public sealed class ProgrammesApiTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Programmes_ThroughTheApi_AreCreatedActivatedAndClosedByTheRegencysDisnaker()
    {
        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);
        var funderResponse = await client.PostAsJsonAsync("/api/v1/funders",
            new { name = "Pemerintah Kabupaten Lampung Selatan", kind = "pemkab", regionCode = LampungSelatan }, Web);
        Assert.Equal(HttpStatusCode.Created, funderResponse.StatusCode);
        var funderId = (await funderResponse.Content.ReadFromJsonAsync<JsonElement>(Web)).GetProperty("id").GetGuid();

        var created = await client.PostAsJsonAsync("/api/v1/programmes", NewProgramme(funderId), Web);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Web)).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/programmes/{id}", NewProgramme(funderId) with { VillageQuota = 50 }, Web)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/programmes/{id}/activate", null)).StatusCode);
        var again = await client.PostAsync($"/api/v1/programmes/{id}/activate", null);
        Assert.Equal((HttpStatusCode.Conflict, "programme.not_draft"), (again.StatusCode, await CodeAsync(again)));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/programmes/{id}/close", null)).StatusCode);

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{id}", Web);
        Assert.Equal("closed", detail.GetProperty("programme").GetProperty("status").GetString());
        Assert.Equal(0, detail.GetProperty("committed").GetInt64());
    }

    [Fact]
    public async Task ProgrammeDetail_OfACofundedProgramme_SplitsCeilingAndCommittedSoThePartsAddUp()
    {
        var regency = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        var province = await CreateFunderAsync(factory, "pemprov", Lampung);
        var programme = await CreateProgrammeAsync(factory, NewProgramme(regency.Id) with { CofunderId = province.Id, CofunderSharePercent = 33.33m });
        using (var scope = factory.Services.CreateScope())
        {
            var activated = await scope.As<Payung.Programs.ManageProgrammes.ActivateProgramme>(AsSystem).ExecuteAsync(programme.Id, CancellationToken.None);
            Assert.True(activated.Succeeded, activated.Refusal?.Code);
        }

        var worker = await Enrollment.EnrollmentTestKit.CreateWorkerAsync(factory);
        await Enrollment.EnrollmentTestKit.EnrollAsync(factory, programme.Id, worker);
        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme.Id}", Web);

        // 5 months × Rp16,800 = Rp84,000 committed; 33.33% of it is Rp27,997.20, rounded down for the province.
        Assert.Equal(84_000, detail.GetProperty("committed").GetInt64());
        var committed = detail.GetProperty("committedSplit");
        Assert.Equal((56_003, 27_997), (committed.GetProperty("funder").GetInt64(), committed.GetProperty("cofunder").GetInt64()));
        var ceiling = detail.GetProperty("ceilingSplit");
        Assert.Equal((250_012_500, 124_987_500), (ceiling.GetProperty("funder").GetInt64(), ceiling.GetProperty("cofunder").GetInt64()));
        var page = await client.GetStringAsync($"/program/{programme.Id}");
        Assert.Contains("Rp27.997", page, StringComparison.Ordinal);
        Assert.Contains("Rp56.003", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgrammeDetail_WithoutCofunder_HasNoSplit()
    {
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        var programme = await CreateProgrammeAsync(factory, NewProgramme(funder.Id));
        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme.Id}", Web);

        Assert.Equal(JsonValueKind.Null, detail.GetProperty("committedSplit").ValueKind);
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("ceilingSplit").ValueKind);
    }

    [Fact]
    public async Task Programmes_OfAnotherRegency_AreNotFoundAndCannotBeCreated()
    {
        var elsewhere = await CreateFunderAsync(factory, "pemkab", MuaraEnim);
        var programme = await CreateProgrammeAsync(factory, NewProgramme(elsewhere.Id));
        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);

        var read = await client.GetAsync($"/api/v1/programmes/{programme.Id}");
        var write = await client.PostAsJsonAsync("/api/v1/programmes", NewProgramme(elsewhere.Id), Web);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/programmes?pageSize=100", Web);

        Assert.Equal((HttpStatusCode.NotFound, "programme.not_found"), (read.StatusCode, await CodeAsync(read)));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "region.out_of_scope"), (write.StatusCode, await CodeAsync(write)));
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == programme.Id);
    }

    [Fact]
    public async Task CreateProgramme_WithBrokenFields_Returns400WithFieldsAndRules()
    {
        var client = await ClientAsync(factory, Role.NationalAdmin, null);

        var response = await client.PostAsJsonAsync("/api/v1/programmes", new { name = "x", fiscalYear = 1999 }, Web);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Web);
        Assert.Equal("request.invalid", problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("fiscalYear", out _));
        Assert.True(errors.TryGetProperty("budgetCeiling", out _));
    }

    [Fact]
    public async Task ManagingProgrammes_AsAnExecutiveViewer_IsForbiddenButReadingIsAllowed()
    {
        var client = await ClientAsync(factory, Role.ExecutiveViewer, LampungSelatan);

        var write = await client.PostAsJsonAsync("/api/v1/funders", new { name = "Perusahaan", kind = "company", regionCode = LampungSelatan }, Web);
        var read = await client.GetAsync("/api/v1/programmes");

        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Web)).GetProperty("code").GetString();
}
