using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Payung.Infrastructure;
using Payung.Shared;
using static Payung.Tests.Access.Audit.AuditTestKit;

namespace Payung.Tests.Access.Audit;

public sealed class AuditApiTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    // Lampung Selatan (a Jondong village row) and Bandar Lampung: two regencies of one province.
    private const string RegencyA = "18.01";
    private const string RegionInA = "18.01.06.2001";
    private const string RegionInB = "18.71.01";

    /// <summary>Three rows of a fresh entity: one in regency A, one in regency B, one national.</summary>
    private async Task<string> SeedThreeRegionsAsync()
    {
        var entity = UniqueEntity();
        await WriteAuditAsync(factory,
            new AuditRecord("update", entity, "in-a", RegionInA, """{"displayName":"Lama"}""", """{"displayName":"Baru"}"""),
            new AuditRecord("update", entity, "in-b", RegionInB, null, """{"displayName":"B"}"""),
            new AuditRecord("update", entity, "national", null, null, """{"displayName":"N"}"""));
        return entity;
    }

    private static async Task<JsonElement> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/audit?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> EntityIds(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("entityId").GetString()!).ToList();

    [Fact]
    public async Task DisnakerOperator_SeesOnlyTheRowsOfItsOwnRegency()
    {
        var entity = await SeedThreeRegionsAsync();
        var client = await SignInAsNewUserAsync(factory, Role.DisnakerOperator, RegencyA);

        var list = await ListAsync(client, $"entity={entity}");

        Assert.Equal(["in-a"], EntityIds(list));
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task DisnakerOperator_FilteringAnotherRegency_GetsNothing()
    {
        var entity = await SeedThreeRegionsAsync();
        var client = await SignInAsNewUserAsync(factory, Role.DisnakerOperator, RegencyA);

        var list = await ListAsync(client, $"entity={entity}&region=18.71");

        Assert.Empty(EntityIds(list));
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task NationalAdmin_SeesEveryRegionAndTheNationalRows_WithBeforeAndAfterAsJsonObjects()
    {
        var entity = await SeedThreeRegionsAsync();
        var client = await SignInAsNewUserAsync(factory, Role.NationalAdmin, null);

        var list = await ListAsync(client, $"entity={entity}");

        Assert.Equal(["in-a", "in-b", "national"], EntityIds(list).Order());
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        Assert.Equal((1, 50), (list.GetProperty("page").GetInt32(), list.GetProperty("pageSize").GetInt32()));
        var inA = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("entityId").GetString() == "in-a");
        Assert.Equal(JsonValueKind.Object, inA.GetProperty("before").ValueKind);
        Assert.Equal("Lama", inA.GetProperty("before").GetProperty("displayName").GetString());
        Assert.Equal("Baru", inA.GetProperty("after").GetProperty("displayName").GetString());
        Assert.Equal(RegionInA, inA.GetProperty("regionCode").GetString());
        Assert.Equal(("system", "audit-test", "update", entity),
            (inA.GetProperty("actorKind").GetString(), inA.GetProperty("actorName").GetString(),
             inA.GetProperty("action").GetString(), inA.GetProperty("entity").GetString()));
        var national = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("entityId").GetString() == "national");
        Assert.Equal(JsonValueKind.Null, national.GetProperty("before").ValueKind);
        Assert.Equal(JsonValueKind.Null, national.GetProperty("regionCode").ValueKind);
    }

    [Theory]
    [InlineData(Role.KecamatanOperator, "18.01.06")]
    [InlineData(Role.DesaOperator, "18.01.06.2001")]
    [InlineData(Role.BpjsOfficer, null)]
    [InlineData(Role.ProvinceViewer, "18")]
    [InlineData(Role.ExecutiveViewer, "18.01")]
    public async Task RolesWithoutTheAuditPermission_Get403Problem(Role role, string? scope)
    {
        var branch = role == Role.BpjsOfficer ? await CreateBranchAsync(factory, RegencyA) : null;
        var client = await SignInAsNewUserAsync(factory, role, scope, branch);

        await AssertProblemAsync(await client.GetAsync("/api/v1/audit"), HttpStatusCode.Forbidden, "auth.forbidden");
        await AssertProblemAsync(await client.GetAsync("/api/v1/audit/export"), HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Theory]
    [InlineData("/api/v1/audit")]
    [InlineData("/api/v1/audit/export")]
    public async Task Anonymous_Gets401Problem(string url)
    {
        await AssertProblemAsync(await NewClient(factory).GetAsync(url), HttpStatusCode.Unauthorized, "auth.required");
    }

    [Fact]
    public async Task Filters_NarrowByActorActionRegionAndWibDays_NewestFirst()
    {
        var entity = UniqueEntity();
        var tag = Unique("");
        // 16:59:59 UTC is 23:59:59 WIB on 31 March; one second later it is 1 April in Jakarta.
        await InsertAuditAsync(factory, new(2026, 3, 31, 16, 59, 59, TimeSpan.Zero), $"Budi Santoso {tag}", "update", entity, "r1", RegionInA);
        await InsertAuditAsync(factory, new(2026, 3, 31, 17, 0, 0, TimeSpan.Zero), $"Siti {tag}", "create", entity, "r2", RegionInA);
        await InsertAuditAsync(factory, new(2026, 4, 1, 5, 0, 0, TimeSpan.Zero), $"budi {tag}", "create", entity, "r3", RegionInB);
        var client = await SignInAsNewUserAsync(factory, Role.NationalAdmin, null);

        Assert.Equal(["r3", "r2", "r1"], EntityIds(await ListAsync(client, $"entity={entity}")));
        Assert.Equal(["r3", "r1"], EntityIds(await ListAsync(client, $"entity={entity}&actor=BUDI")));
        Assert.Empty(EntityIds(await ListAsync(client, $"entity={entity}&actor=%25")));
        Assert.Equal(["r3", "r2"], EntityIds(await ListAsync(client, $"entity={entity}&action=create")));
        Assert.Equal(["r2", "r1"], EntityIds(await ListAsync(client, $"entity={entity}&region=18.01")));
        Assert.Equal(["r2", "r1"], EntityIds(await ListAsync(client, $"entity={entity}&region=1801")));
        Assert.Equal(["r3"], EntityIds(await ListAsync(client, $"entity={entity}&region=18.71.01")));
        Assert.Equal(["r3", "r2", "r1"], EntityIds(await ListAsync(client, $"entity={entity}&region=18")));
        Assert.Equal(["r1"], EntityIds(await ListAsync(client, $"entity={entity}&to=2026-03-31")));
        Assert.Equal(["r3", "r2"], EntityIds(await ListAsync(client, $"entity={entity}&from=2026-04-01&to=2026-04-01")));
        Assert.Equal(["r2"], EntityIds(await ListAsync(client, $"entity={entity}&from=2026-04-01&actor=siti")));

        var secondPage = await ListAsync(client, $"entity={entity}&pageSize=2&page=2");
        Assert.Equal(["r1"], EntityIds(secondPage));
        Assert.Equal((2, 2, 3), (secondPage.GetProperty("page").GetInt32(), secondPage.GetProperty("pageSize").GetInt32(), secondPage.GetProperty("total").GetInt32()));
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=01-04-2026", "from")]
    [InlineData("from=2026-04-02&to=2026-04-01", "to")]
    [InlineData("region=18.1", "region")]
    [InlineData("action=hapus", "action")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    public async Task BadParameters_Return400ValidationProblemNamingTheField(string query, string field)
    {
        // Validation answers before any query, so an anonymous-looking failure would show as 401: sign in first.
        var client = await SignInAsNewUserAsync(factory, Role.DisnakerOperator, RegencyA);

        var response = await client.GetAsync("/api/v1/audit?" + query);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}'");
    }

    [Fact]
    public async Task Export_StreamsTheCallersRowsAsCsvWithBom_AndRecordsItsOwnExportRow()
    {
        var entity = await SeedThreeRegionsAsync();
        var user = await CreateUserAsync(factory, Role.DisnakerOperator, RegencyA);
        var client = await SignInAsync(factory, user);

        var response = await client.GetAsync($"/api/v1/audit/export?entity={entity}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id;occurredAtWib;actorKind;actorName;remoteIp;action;entity;entityId;regionCode;before;after", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Contains($";update;{entity};in-a;{RegionInA};", row);
        Assert.EndsWith(";\"{\"\"displayName\"\": \"\"Lama\"\"}\";\"{\"\"displayName\"\": \"\"Baru\"\"}\"", row);

        var export = Assert.Single(await AuditRowsAsync(factory, $"entity={entity}"));
        Assert.Equal(("export", "audit_log", "user", user.Id, user.Username), (export.Action, export.Entity, export.ActorKind, export.ActorId, export.ActorName));
        Assert.Equal((RegencyA, RegencyA), (export.RegionCode, export.RegencyCode));
        using var detail = JsonDocument.Parse(export.After!);
        Assert.Equal(1, detail.RootElement.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task Export_WithABadDate_Returns400AndRecordsNoExport()
    {
        var entity = UniqueEntity();
        var client = await SignInAsNewUserAsync(factory, Role.NationalAdmin, null);

        var response = await client.GetAsync($"/api/v1/audit/export?entity={entity}&to=kemarin");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
        Assert.Empty(await AuditRowsAsync(factory, $"entity={entity}&to=kemarin"));
        Assert.Empty(await AuditRowsAsync(factory, $"entity={entity}"));
    }

    [Fact]
    public async Task OpenApi_DescribesTheAuditEndpoints()
    {
        using var doc = JsonDocument.Parse(await NewClient(factory).GetStringAsync("/openapi/v1.json"));

        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/audit", out _));
        Assert.True(paths.TryGetProperty("/api/v1/audit/export", out _));
    }
}
