using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payung.Shared;
using static Payung.Tests.Registry.Workers.WorkersTestKit;

namespace Payung.Tests.Registry.Workers;

/// <summary>
/// <c>/api/v1/workers</c> over HTTP: routes, status codes, ProblemDetails codes, masking and the view audit.
/// Scope and permission per role are the access matrix's part.
/// </summary>
public sealed class WorkersApiTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private Task<HttpClient> ClientAsync(Role role, string? scope) => WorkersTestKit.ClientAsync(factory, role, scope);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task PostWorker_Returns201WithLocation_AndTheLocationAnswersTheWorker()
    {
        var client = await ClientAsync(Role.DesaOperator, Jondong);
        var request = NewWorker(Jondong);

        var created = await client.PostAsJsonAsync("/api/v1/workers", request, Web);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await JsonAsync(created);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/workers/{id}", created.Headers.Location!.OriginalString);
        var fetched = await client.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(request.Nik, (await JsonAsync(fetched)).GetProperty("nik").GetString());
        var byNik = await client.GetAsync($"/api/v1/workers/{request.Nik}");
        Assert.Equal(id, (await JsonAsync(byNik)).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task PostWorker_WithBrokenFields_Returns400WithMessagesAndRuleCodesPerField()
    {
        var client = await ClientAsync(Role.DesaOperator, Jondong);

        var response = await client.PostAsJsonAsync("/api/v1/workers",
            NewWorker(Jondong) with { Nik = "18010612038", Phone = "12", BirthDate = "kemarin" }, Web);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal("request.invalid", problem.GetProperty("code").GetString());
        Assert.Equal(["birthDate", "nik", "phone"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("nik.length", problem.GetProperty("rules").GetProperty("nik")[0].GetString());
        Assert.Equal("worker.phone_invalid", problem.GetProperty("rules").GetProperty("phone")[0].GetString());
        Assert.Contains("telepon", problem.GetProperty("errors").GetProperty("phone")[0].GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PostWorker_WithAnUnreadableBody_Returns400NotA500()
    {
        var client = await ClientAsync(Role.DesaOperator, Jondong);

        var response = await client.PostAsync("/api/v1/workers",
            new StringContent("""{"nik": 1801, "monthlyIncome": "banyak"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostWorker_OutsideTheCallersVillage_Returns422RegionOutOfScope()
    {
        var client = await ClientAsync(Role.DesaOperator, Jondong);

        var response = await client.PostAsJsonAsync("/api/v1/workers", NewWorker(Tengkujuh), Web);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("region.out_of_scope", (await JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task PostWorker_WithANikRegisteredInAnotherRegion_Returns409WithoutThatWorkersData()
    {
        var elsewhere = await RegisterAsync(factory, NewWorker(KembangAyun));
        var client = await ClientAsync(Role.DesaOperator, Jondong);

        var response = await client.PostAsJsonAsync("/api/v1/workers", NewWorker(Jondong) with { Nik = elsewhere.Nik }, Web);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("worker.nik_taken", (await JsonAsync(response)).GetProperty("code").GetString());
        Assert.DoesNotContain(elsewhere.Id.ToString(), text);
        Assert.DoesNotContain(elsewhere.FullName, text);
        Assert.DoesNotContain("16.04", text);
    }

    [Fact]
    public async Task GetWorker_OutsideTheScope_Returns404LikeANikNeverRegistered()
    {
        var elsewhere = await RegisterAsync(factory, NewWorker(KembangAyun));
        var client = await ClientAsync(Role.DisnakerOperator, "18.01");

        var outside = await client.GetAsync($"/api/v1/workers/{elsewhere.Nik}");
        var never = await client.GetAsync($"/api/v1/workers/{TestNik.For("18.01.06", TestNik.BirthDate(), Sex.Male)}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (outside.StatusCode, never.StatusCode));
        var (a, b) = (await JsonAsync(never), await JsonAsync(outside));
        Assert.Equal((a.GetProperty("code").GetString(), a.GetProperty("title").GetString()),
            (b.GetProperty("code").GetString(), b.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task GetWorker_WithAMalformedKey_Returns400()
    {
        var client = await ClientAsync(Role.DisnakerOperator, "18.01");

        var response = await client.GetAsync("/api/v1/workers/12345");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetWorker_AsProvinceViewer_MasksNikKkAndPhone_AndTheViewIsAudited()
    {
        var worker = await RegisterAsync(factory, NewWorker(Jondong) with { Kk = NewKk(), Phone = "081234567890" });
        var client = await ClientAsync(Role.ProvinceViewer, "18");

        var response = await client.GetAsync($"/api/v1/workers/{worker.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(worker.Nik![..4] + "********" + worker.Nik[12..], body.GetProperty("nik").GetString());
        Assert.Equal(worker.Kk![..4] + "********" + worker.Kk[12..], body.GetProperty("kk").GetString());
        Assert.Equal("0812*****890", body.GetProperty("phone").GetString());
        Assert.True(body.GetProperty("personalDataMasked").GetBoolean());
        var view = Assert.Single(await AuditRowsAsync(factory, "worker", worker.Id), r => r.Action == "view");
        Assert.Equal(Jondong, view.RegionCode);
        Assert.Contains("\"masked\": true", view.After);
    }

    [Fact]
    public async Task GetWorker_AsExecutiveViewer_IsForbidden()
    {
        var worker = await RegisterAsync(factory, NewWorker(Jondong));
        var client = await ClientAsync(Role.ExecutiveViewer, "18.01");

        var response = await client.GetAsync($"/api/v1/workers/{worker.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(await AuditRowsAsync(factory, "worker", worker.Id), r => r.Action == "view");
    }

    [Fact]
    public async Task PutWorker_WithAStaleVersion_Returns409ConcurrentEdit()
    {
        var request = NewWorker(Jondong);
        var worker = await RegisterAsync(factory, request);
        var client = await ClientAsync(Role.DesaOperator, Jondong);
        var edit = new
        {
            request.Kk, FullName = request.FullName + " Baru", request.BirthPlace, request.BirthDate, request.Sex, request.VillageCode,
            request.OccupationCode, request.MonthlyIncome, request.DtsenDecile, version = worker.Version,
        };
        var first = await client.PutAsJsonAsync($"/api/v1/workers/{worker.Nik}", edit, Web);

        var second = await client.PutAsJsonAsync($"/api/v1/workers/{worker.Nik}", edit with { FullName = request.FullName + " Lain" }, Web);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(request.FullName + " Baru", (await JsonAsync(first)).GetProperty("fullName").GetString());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("worker.concurrent_edit", (await JsonAsync(second)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task SearchWorkers_WithAPageSizeOverHundred_Returns400()
    {
        var client = await ClientAsync(Role.DesaOperator, Jondong);

        var response = await client.GetAsync("/api/v1/workers?pageSize=101");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task SearchWorkers_ByName_AnswersAPageWithItsTotal()
    {
        var worker = await RegisterAsync(factory, NewWorker(Jondong, name: TestNik.UniqueName("Rina")));
        var client = await ClientAsync(Role.KecamatanOperator, "18.01.06");

        var response = await client.GetAsync($"/api/v1/workers?q={Uri.EscapeDataString(worker.FullName)}&village=18.01.06&pageSize=5");

        var body = await JsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(worker.Id, body.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal((1, 5), (body.GetProperty("page").GetInt32(), body.GetProperty("pageSize").GetInt32()));
        Assert.True(body.GetProperty("total").GetInt32() >= 1);
    }

    [Fact]
    public async Task Occupations_ListsTheActiveOnesInOrder()
    {
        var client = await ClientAsync(Role.BpjsOfficer, null);

        var response = await client.GetAsync("/api/v1/occupations");

        var codes = (await JsonAsync(response)).EnumerateArray().Select(o => o.GetProperty("code").GetString()).ToList();
        Assert.Equal(("petani", "lainnya"), (codes[0], codes[^1]));
        Assert.Contains("ojek_pengemudi", codes);
    }

    [Fact]
    public async Task Duplicates_ListMergeAndDismiss_AnswerOverHttp()
    {
        var born = TestNik.BirthDate();
        var name = TestNik.UniqueName("Yanti");
        var a = await RegisterAsync(factory, NewWorker(Jondong, name: name, birthDate: born, sex: Sex.Female));
        var b = await RegisterAsync(factory, NewWorker(Jondong, name: name, birthDate: born, sex: Sex.Female).AwayFrom(a.Nik!));
        var client = await ClientAsync(Role.DesaOperator, Jondong);
        var viewer = await ClientAsync(Role.ProvinceViewer, "18");

        var list = await JsonAsync(await client.GetAsync($"/api/v1/workers/duplicates?workerId={a.Id}"));
        var candidateId = list.GetProperty("items")[0].GetProperty("id").GetGuid();
        var one = await client.GetAsync($"/api/v1/workers/duplicates/{candidateId}");
        var forbidden = await viewer.PostAsJsonAsync($"/api/v1/workers/duplicates/{candidateId}/merge", new { survivorId = a.Id }, Web);
        var merged = await client.PostAsJsonAsync($"/api/v1/workers/duplicates/{candidateId}/merge", new { survivorId = a.Id }, Web);
        var dismissAfter = await client.PostAsync($"/api/v1/workers/duplicates/{candidateId}/dismiss", null);
        var unknown = await client.PostAsync($"/api/v1/workers/duplicates/{Guid.CreateVersion7()}/dismiss", null);

        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(b.Id, (await JsonAsync(merged)).GetProperty("mergedId").GetGuid());
        Assert.True(dismissAfter.StatusCode == HttpStatusCode.Conflict, await dismissAfter.Content.ReadAsStringAsync());
        Assert.Equal("duplicate.already_resolved", (await JsonAsync(dismissAfter)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var mergedWorker = await JsonAsync(await client.GetAsync($"/api/v1/workers/{b.Nik}"));
        Assert.Equal(a.Id, mergedWorker.GetProperty("mergedInto").GetProperty("id").GetGuid());
        Assert.Equal(1, (await AuditRowsAsync(factory, "worker", a.Id)).Count(r => r.Action == "view"));
        Assert.Equal(2, (await AuditRowsAsync(factory, "worker", b.Id)).Count(r => r.Action == "view"));
    }

    [Fact]
    public async Task OpenApi_ListsTheWorkerEndpoints()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/api/v1/workers", "/api/v1/workers/{key}", "/api/v1/workers/duplicates", "/api/v1/workers/duplicates/{id}/merge", "/api/v1/occupations" })
        {
            Assert.Contains($"\"{path}\"", json);
        }
    }
}
