using System.Net;
using System.Text.Json;
using Payung.Shared;
using static Payung.Tests.Access.AccessTestKit;
using static Payung.Tests.Access.Admin.AdminApi;

namespace Payung.Tests.Access.Admin;

public sealed class ManageUsersApiTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private const string Jondong = "18.01.06.2001";      // a desa in Kalianda, Kab. Lampung Selatan (18.01)
    private const string Kedaton = "18.71.01.1003";      // a kelurahan in Kota Bandar Lampung (18.71)
    private const string KembangAyun = "16.04.01.2001";  // a desa in Kab. Lahat (16.04)

    private static object NewUser(string username, string role, string? scopeCode, string? branchCode = null,
        string password = "Sandi-Awal-2026", string displayName = "Operator Uji") =>
        new { username, displayName, role, scopeCode, branchCode, password };

    private async Task<HttpClient> SignedInAsync(Role role, string? scope) =>
        await SignedInClientAsync(factory, await CreateUserAsync(factory, role, scope));

    [Fact]
    public async Task CreateUser_AsNationalAdmin_InAnyRegionOrBranch_Returns201WithoutPasswordHash()
    {
        var admin = await SignedInAsync(Role.NationalAdmin, null);
        var branch = await CreateBranchAsync(factory, "16.04");
        var desa = Unique("desa");
        var bpjs = Unique("bpjs");

        var desaResponse = await PostJsonAsync(admin, "/api/v1/users", NewUser(desa, "desa_operator", KembangAyun));
        var bpjsResponse = await PostJsonAsync(admin, "/api/v1/users", NewUser(bpjs, "bpjs_officer", null, branch));

        var created = await ReadJsonAsync(desaResponse, HttpStatusCode.Created);
        Assert.Equal((desa, "desa_operator", KembangAyun, true),
            (created.GetProperty("username").GetString(), created.GetProperty("role").GetString(),
                created.GetProperty("scopeCode").GetString(), created.GetProperty("isActive").GetBoolean()));
        Assert.Equal($"/api/v1/users/{created.GetProperty("id").GetString()}", desaResponse.Headers.Location?.OriginalString);
        AssertHasNoSecrets(created.GetRawText());
        var officer = await ReadJsonAsync(bpjsResponse, HttpStatusCode.Created);
        Assert.Equal(branch, officer.GetProperty("branchCode").GetString());
    }

    [Fact]
    public async Task CreateUser_AsDisnakerOperator_InsideItsRegency_Returns201_AndWritesOneAuditRowWithoutTheHash()
    {
        var disnaker = await SignedInAsync(Role.DisnakerOperator, "18.01");
        var username = Unique("desa");

        var response = await PostJsonAsync(disnaker, "/api/v1/users", NewUser(username, "desa_operator", Jondong));

        var created = await ReadJsonAsync(response, HttpStatusCode.Created);
        var audit = Assert.Single(await ChangesAsync(factory, "user", created.GetProperty("id").GetString()!));
        Assert.Equal(("create", "user", null), (audit.Action, audit.ActorKind, audit.Before));
        AssertHasNoSecrets(audit.After);
        using var after = JsonDocument.Parse(audit.After!);
        Assert.Equal(username, after.RootElement.GetProperty("username").GetString());
        Assert.Equal(Jondong, after.RootElement.GetProperty("regionCode").GetString());
    }

    [Fact]
    public async Task CreateUser_AsDisnakerOperator_InAnotherRegency_Returns422ScopeOutside_AndWritesNothing()
    {
        var disnaker = await SignedInAsync(Role.DisnakerOperator, "18.01");
        var username = Unique("desa");

        var response = await PostJsonAsync(disnaker, "/api/v1/users", NewUser(username, "desa_operator", Kedaton));

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "user.scope_outside");
        Assert.Equal(0, await UsersNamedAsync(factory, username));
        Assert.Equal(0, await UserCreatesNamedAsync(factory, username));
    }

    [Theory]
    [InlineData("national_admin", null, null)]
    [InlineData("province_viewer", "18", null)]
    [InlineData("executive_viewer", "18.01", null)]
    public async Task CreateUser_AsDisnakerOperator_WithARoleItMayNotHandOut_Returns422RoleNotAssignable(
        string role, string? scopeCode, string? branchCode)
    {
        var disnaker = await SignedInAsync(Role.DisnakerOperator, "18.01");
        var username = Unique("naik");

        var response = await PostJsonAsync(disnaker, "/api/v1/users", NewUser(username, role, scopeCode, branchCode));

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "user.role_not_assignable");
        Assert.Equal(0, await UsersNamedAsync(factory, username));
    }

    [Fact]
    public async Task CreateUser_InAVillageNotOnTheOfficialList_Returns422RegionNotFound()
    {
        var disnaker = await SignedInAsync(Role.DisnakerOperator, "18.01");

        // Kalianda's villages end at 2029: the code has the right shape and lies in the regency, but is not a region.
        var response = await PostJsonAsync(disnaker, "/api/v1/users", NewUser(Unique("desa"), "desa_operator", "18.01.06.2999"));

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "region.not_found");
    }

    [Fact]
    public async Task CreateUser_WithAnUnknownBranch_Returns422BranchNotFound()
    {
        var admin = await SignedInAsync(Role.NationalAdmin, null);

        var response = await PostJsonAsync(admin, "/api/v1/users", NewUser(Unique("bpjs"), "bpjs_officer", null, "TIDAKADA99"));

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "branch.not_found");
    }

    [Fact]
    public async Task CreateUser_WithATakenUsername_Returns409_AndLeavesOnlyTheFirstUserAndAuditRow()
    {
        var admin = await SignedInAsync(Role.NationalAdmin, null);
        var username = Unique("kembar");
        await ReadJsonAsync(await PostJsonAsync(admin, "/api/v1/users", NewUser(username, "desa_operator", Jondong)), HttpStatusCode.Created);

        // Upper case is the same name: usernames are stored lower-cased, as sign-in reads them.
        var second = await PostJsonAsync(admin, "/api/v1/users", NewUser(username.ToUpperInvariant(), "desa_operator", KembangAyun));

        await AssertProblemAsync(second, HttpStatusCode.Conflict, "user.username_taken");
        Assert.Equal(1, await UsersNamedAsync(factory, username));
        Assert.Equal(1, await UserCreatesNamedAsync(factory, username));
    }

    [Fact]
    public async Task CreateUser_TakenByAUserOutsideTheCallersScope_StillReturns409()
    {
        var outsider = await CreateUserAsync(factory, Role.DesaOperator, KembangAyun);
        var disnaker = await SignedInAsync(Role.DisnakerOperator, "18.01");

        var response = await PostJsonAsync(disnaker, "/api/v1/users", NewUser(outsider.Username, "desa_operator", Jondong));

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "user.username_taken");
    }

    [Fact]
    public async Task CreateUser_TwoRequestsRacingForOneUsername_OneIs201AndTheOther409()
    {
        var admin = await SignedInAsync(Role.NationalAdmin, null);
        var username = Unique("balapan");

        var responses = await Task.WhenAll(
            PostJsonAsync(admin, "/api/v1/users", NewUser(username, "desa_operator", Jondong)),
            PostJsonAsync(admin, "/api/v1/users", NewUser(username, "desa_operator", Jondong)));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await UsersNamedAsync(factory, username));
        Assert.Equal(1, await UserCreatesNamedAsync(factory, username));
    }

    [Theory]
    [InlineData("""{"displayName":"Operator","role":"desa_operator","scopeCode":"18.01.06.2001","password":"Sandi-Awal-2026"}""", "username")]
    [InlineData("""{"username":"Ada Spasi","displayName":"Operator","role":"desa_operator","scopeCode":"18.01.06.2001","password":"Sandi-Awal-2026"}""", "username")]
    [InlineData("""{"username":"ab","displayName":"Operator","role":"desa_operator","scopeCode":"18.01.06.2001","password":"Sandi-Awal-2026"}""", "username")]
    [InlineData("""{"username":"bentuk.uji","role":"desa_operator","scopeCode":"18.01.06.2001","password":"Sandi-Awal-2026"}""", "displayName")]
    [InlineData("""{"username":"bentuk.uji","displayName":"Nama\u0000Nul","role":"desa_operator","scopeCode":"18.01.06.2001","password":"Sandi-Awal-2026"}""", "displayName")]
    [InlineData("""{"username":"bentuk.uji","displayName":"Operator","role":"raja","scopeCode":"18.01.06.2001","password":"Sandi-Awal-2026"}""", "role")]
    [InlineData("""{"username":"bentuk.uji","displayName":"Operator","role":"desa_operator","scopeCode":"18.01","password":"Sandi-Awal-2026"}""", "scopeCode")]
    [InlineData("""{"username":"bentuk.uji","displayName":"Operator","role":"desa_operator","scopeCode":"x\u0000","password":"Sandi-Awal-2026"}""", "scopeCode")]
    [InlineData("""{"username":"bentuk.uji","displayName":"Operator","role":"desa_operator","scopeCode":"18.01.06.2001","branchCode":"BDL","password":"Sandi-Awal-2026"}""", "branchCode")]
    [InlineData("""{"username":"bentuk.uji","displayName":"Operator","role":"bpjs_officer","branchCode":"b\u0000","password":"Sandi-Awal-2026"}""", "branchCode")]
    [InlineData("""{"username":"bentuk.uji","displayName":"Operator","role":"national_admin","scopeCode":"18","password":"Sandi-Awal-2026"}""", "scopeCode")]
    [InlineData("""{"username":"bentuk.uji","displayName":"Operator","role":"desa_operator","scopeCode":"18.01.06.2001","password":"pendek"}""", "password")]
    [InlineData("""{"username":"bentuk.uji.x","displayName":"Operator","role":"desa_operator","scopeCode":"18.01.06.2001","password":"BENTUK.UJI.X"}""", "password")]
    [InlineData("""{"username":"bentuk.uji","displayName":"Operator","role":"desa_operator","scopeCode":"18.01.06.2001"}""", "password")]
    [InlineData("null", "body")]
    public async Task CreateUser_WithABadRequestShape_Returns400WithTheFieldAtFault(string json, string field)
    {
        var admin = await SignedInAsync(Role.NationalAdmin, null);

        var response = await SendRawAsync(admin, HttpMethod.Post, "/api/v1/users", json);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Equal(0, await UsersNamedAsync(factory, "bentuk.uji"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"username": 42}""")]
    [InlineData("""[1, 2]""")]
    public async Task CreateUser_WithAnUnreadableBody_Returns400Malformed(string json)
    {
        var admin = await SignedInAsync(Role.NationalAdmin, null);

        var response = await SendRawAsync(admin, HttpMethod.Post, "/api/v1/users", json);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed");
    }

    [Fact]
    public async Task DisnakerOperator_DoesNotSeeAUserOfAnotherRegency_InGetListOrTotal()
    {
        var marker = Unique("tanda").Replace(".", "");
        var inside = await CreateUserAsync(factory, Role.DesaOperator, Jondong, username: marker + ".a");
        var outside = await CreateUserAsync(factory, Role.DesaOperator, Kedaton, username: marker + ".b");
        var disnaker = await SignedInAsync(Role.DisnakerOperator, "18.01");
        var admin = await SignedInAsync(Role.NationalAdmin, null);

        var get = await disnaker.GetAsync($"/api/v1/users/{outside.Id}");
        var list = await ReadJsonAsync(await disnaker.GetAsync($"/api/v1/users?q={marker}"), HttpStatusCode.OK);
        var adminList = await ReadJsonAsync(await admin.GetAsync($"/api/v1/users?q={marker}"), HttpStatusCode.OK);

        await AssertProblemAsync(get, HttpStatusCode.NotFound, "user.not_found");
        Assert.Equal([inside.Id.ToString()], list.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetString()));
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(2, adminList.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task GetUser_WithAnIdThatNeverExisted_Returns404()
    {
        var admin = await SignedInAsync(Role.NationalAdmin, null);

        var response = await admin.GetAsync($"/api/v1/users/{Guid.NewGuid()}");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "user.not_found");
    }

    [Fact]
    public async Task ListUsers_FiltersByRoleAndRegion_AndPages()
    {
        var marker = Unique("saring").Replace(".", "");
        await CreateUserAsync(factory, Role.DesaOperator, Jondong, username: marker + ".desa1");
        await CreateUserAsync(factory, Role.DesaOperator, "18.01.06.2002", username: marker + ".desa2");
        await CreateUserAsync(factory, Role.KecamatanOperator, "18.01.06", username: marker + ".camat");
        await CreateUserAsync(factory, Role.DesaOperator, KembangAyun, username: marker + ".lahat");
        var admin = await SignedInAsync(Role.NationalAdmin, null);

        var desaInKalianda = await ReadJsonAsync(
            await admin.GetAsync($"/api/v1/users?q={marker}&role=desa_operator&region=18.01.06&page=2&pageSize=1"), HttpStatusCode.OK);

        Assert.Equal((2, 1, 2), (desaInKalianda.GetProperty("page").GetInt32(), desaInKalianda.GetProperty("pageSize").GetInt32(),
            desaInKalianda.GetProperty("total").GetInt32()));
        Assert.Equal(marker + ".desa2", Assert.Single(desaInKalianda.GetProperty("items").EnumerateArray()).GetProperty("username").GetString());
    }

    [Theory]
    [InlineData("?role=raja", "role")]
    [InlineData("?region=18.1", "region")]
    [InlineData("?pageSize=201", "pageSize")]
    [InlineData("?page=0", "page")]
    [InlineData("?q=%00", "q")]
    public async Task ListUsers_WithABadQuery_Returns400(string query, string field)
    {
        var admin = await SignedInAsync(Role.NationalAdmin, null);

        var response = await admin.GetAsync("/api/v1/users" + query);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task ListUsers_TreatsLikeWildcardsLiterally()
    {
        var admin = await SignedInAsync(Role.NationalAdmin, null);

        var list = await ReadJsonAsync(await admin.GetAsync("/api/v1/users?q=%25%25_"), HttpStatusCode.OK);

        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task UpdateUser_WritesExactlyOneAuditRow_WithBeforeAndAfter_AndNoPasswordHash()
    {
        var target = await CreateUserAsync(factory, Role.DesaOperator, Jondong);
        var disnaker = await SignedInAsync(Role.DisnakerOperator, "18.01");

        var response = await PutJsonAsync(disnaker, $"/api/v1/users/{target.Id}",
            new { displayName = "Camat Kalianda", role = "kecamatan_operator", scopeCode = "18.01.06", isActive = false });

        var updated = await ReadJsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(("kecamatan_operator", "18.01.06", false),
            (updated.GetProperty("role").GetString(), updated.GetProperty("scopeCode").GetString(), updated.GetProperty("isActive").GetBoolean()));
        var changes = await ChangesAsync(factory, "user", target.Id.ToString());
        var update = Assert.Single(changes, c => c.Action == "update");
        AssertHasNoSecrets(update.Before);
        AssertHasNoSecrets(update.After);
        using var before = JsonDocument.Parse(update.Before!);
        using var after = JsonDocument.Parse(update.After!);
        Assert.Equal((Jondong, true), (before.RootElement.GetProperty("regionCode").GetString(), before.RootElement.GetProperty("isActive").GetBoolean()));
        Assert.Equal(("18.01.06", false), (after.RootElement.GetProperty("regionCode").GetString(), after.RootElement.GetProperty("isActive").GetBoolean()));
    }

    [Fact]
    public async Task UpdateUser_OfAnotherRegency_Returns404_AndChangesNothing()
    {
        var outside = await CreateUserAsync(factory, Role.DesaOperator, Kedaton);
        var disnaker = await SignedInAsync(Role.DisnakerOperator, "18.01");

        var response = await PutJsonAsync(disnaker, $"/api/v1/users/{outside.Id}",
            new { displayName = "Diambil alih", role = "desa_operator", scopeCode = Jondong, isActive = true });

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "user.not_found");
        Assert.DoesNotContain(await ChangesAsync(factory, "user", outside.Id.ToString()), c => c.Action == "update");
    }

    [Fact]
    public async Task UpdateUser_MovingAUserOutOfTheCallersRegency_Returns422ScopeOutside()
    {
        var target = await CreateUserAsync(factory, Role.DesaOperator, Jondong);
        var disnaker = await SignedInAsync(Role.DisnakerOperator, "18.01");

        var response = await PutJsonAsync(disnaker, $"/api/v1/users/{target.Id}",
            new { displayName = "Pindah", role = "desa_operator", scopeCode = Kedaton, isActive = true });

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "user.scope_outside");
        Assert.DoesNotContain(await ChangesAsync(factory, "user", target.Id.ToString()), c => c.Action == "update");
    }

    [Fact]
    public async Task UpdateUser_OfAnExecutiveViewerInTheCallersRegency_Returns422RoleNotAssignable()
    {
        var bupati = await CreateUserAsync(factory, Role.ExecutiveViewer, "18.01");
        var disnaker = await SignedInAsync(Role.DisnakerOperator, "18.01");

        var response = await PutJsonAsync(disnaker, $"/api/v1/users/{bupati.Id}",
            new { displayName = "Turun jabatan", role = "desa_operator", scopeCode = Jondong, isActive = true });

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "user.role_not_assignable");
    }

    [Theory]
    [InlineData(false, "disnaker_operator", "18.01", "user.self_deactivation")]
    [InlineData(true, "kecamatan_operator", "18.01.06", "user.self_demotion")]
    [InlineData(true, "disnaker_operator", "18.71", "user.self_demotion")]
    public async Task UpdateUser_OfOneself_CannotDeactivateOrDemote(bool isActive, string role, string scopeCode, string code)
    {
        var me = await CreateUserAsync(factory, Role.DisnakerOperator, "18.01");
        var client = await SignedInClientAsync(factory, me);

        var response = await PutJsonAsync(client, $"/api/v1/users/{me.Id}",
            new { displayName = "Saya Sendiri", role, scopeCode, isActive });

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, code);
    }

    [Fact]
    public async Task UpdateUser_OfOneself_MayChangeTheDisplayName()
    {
        var me = await CreateUserAsync(factory, Role.NationalAdmin, null);
        var client = await SignedInClientAsync(factory, me);

        var response = await PutJsonAsync(client, $"/api/v1/users/{me.Id}",
            new { displayName = "Admin Baru", role = "national_admin", isActive = true });

        Assert.Equal("Admin Baru", (await ReadJsonAsync(response, HttpStatusCode.OK)).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task UpdateUser_WithoutIsActive_Returns400()
    {
        var target = await CreateUserAsync(factory, Role.DesaOperator, Jondong);
        var admin = await SignedInAsync(Role.NationalAdmin, null);

        var response = await PutJsonAsync(admin, $"/api/v1/users/{target.Id}", new { displayName = "Tanpa status", role = "desa_operator", scopeCode = Jondong });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
        Assert.True(problem.GetProperty("errors").TryGetProperty("isActive", out _));
    }

    [Fact]
    public async Task ResetPassword_LetsTheUserSignInWithTheNewOne_AndAuditsWithoutTheHash()
    {
        var target = await CreateUserAsync(factory, Role.DesaOperator, Jondong);
        var disnaker = await SignedInAsync(Role.DisnakerOperator, "18.01");

        var response = await PostJsonAsync(disnaker, $"/api/v1/users/{target.Id}/password", new { password = "Sandi-Baru-2026!" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostSignInAsync(NewClient(factory), target.Username, "Sandi-Baru-2026!")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostSignInAsync(NewClient(factory), target.Username, Password)).StatusCode);
        var update = Assert.Single(await ChangesAsync(factory, "user", target.Id.ToString()), c => c.Action == "update");
        AssertHasNoSecrets(update.Before);
        AssertHasNoSecrets(update.After);
    }

    [Theory]
    [InlineData("""{"password":"pendek"}""")]
    [InlineData("""{}""")]
    public async Task ResetPassword_WithATooShortPassword_Returns400AndChangesNothing(string json)
    {
        var target = await CreateUserAsync(factory, Role.DesaOperator, Jondong);
        var admin = await SignedInAsync(Role.NationalAdmin, null);

        var response = await SendRawAsync(admin, HttpMethod.Post, $"/api/v1/users/{target.Id}/password", json);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
        Assert.DoesNotContain(await ChangesAsync(factory, "user", target.Id.ToString()), c => c.Action == "update");
    }

    [Fact]
    public async Task ResetPassword_OfAnotherRegency_Returns404()
    {
        var outside = await CreateUserAsync(factory, Role.DesaOperator, KembangAyun);
        var disnaker = await SignedInAsync(Role.DisnakerOperator, "18.01");

        var response = await PostJsonAsync(disnaker, $"/api/v1/users/{outside.Id}/password", new { password = "Sandi-Baru-2026!" });

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "user.not_found");
    }

    [Theory]
    [InlineData(Role.KecamatanOperator, "18.01.06")]
    [InlineData(Role.ExecutiveViewer, "18.01")]
    public async Task UsersApi_ForRolesWithoutTheManagePermission_Returns403(Role role, string scope)
    {
        var client = await SignedInAsync(role, scope);

        var list = await client.GetAsync("/api/v1/users");
        var create = await PostJsonAsync(client, "/api/v1/users", NewUser(Unique("desa"), "desa_operator", Jondong));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (list.StatusCode, create.StatusCode));
    }

    [Fact]
    public async Task OpenApi_DescribesTheUserAndApiKeyEndpoints()
    {
        using var doc = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");

        Assert.Equal(["get", "post"], paths.GetProperty("/api/v1/users").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["get", "put"], paths.GetProperty("/api/v1/users/{id}").EnumerateObject().Select(p => p.Name).Where(n => n != "parameters").Order());
        Assert.True(paths.GetProperty("/api/v1/users/{id}/password").TryGetProperty("post", out _));
        Assert.Equal(["get", "post"], paths.GetProperty("/api/v1/api-keys").EnumerateObject().Select(p => p.Name).Order());
        Assert.True(paths.GetProperty("/api/v1/api-keys/{id}").TryGetProperty("delete", out _));
    }
}
