using System.Net;
using Payung.Access;
using Payung.Shared;
using static Payung.Tests.Access.AccessTestKit;
using static Payung.Tests.Access.Admin.AdminApi;

namespace Payung.Tests.Access.Admin;

public sealed class ManageApiKeysApiTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private const string Jondong = "18.01.06.2001";
    private const string Kedaton = "18.71.01.1003";

    [Fact]
    public async Task CreateApiKey_ShowsTheKeyOnce_TheKeyActsWithItsScope_AndRevokingItEndsThat()
    {
        var marker = Unique("kunci").Replace(".", "");
        var inside = await CreateUserAsync(factory, Role.DesaOperator, Jondong, username: marker + ".dalam");
        await CreateUserAsync(factory, Role.DesaOperator, Kedaton, username: marker + ".luar");
        var disnaker = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.DisnakerOperator, "18.01"));

        var response = await PostJsonAsync(disnaker, "/api/v1/api-keys", new { name = "SIKS-NG uji", role = "disnaker_operator", scopeCode = "18.01" });

        var created = await ReadJsonAsync(response, HttpStatusCode.Created);
        var key = created.GetProperty("key").GetString()!;
        var id = created.GetProperty("id").GetString()!;
        Assert.True(ApiKeySecret.TryParse(key, out var prefix, out _));
        Assert.Equal((prefix, "disnaker_operator", "18.01"),
            (created.GetProperty("prefix").GetString(), created.GetProperty("role").GetString(), created.GetProperty("scopeCode").GetString()));
        Assert.True(response.Headers.CacheControl?.NoStore);

        var listed = await (await disnaker.GetAsync("/api/v1/api-keys?pageSize=100")).Content.ReadAsStringAsync();
        Assert.Contains(id, listed);
        Assert.DoesNotContain(key, listed);
        AssertHasNoSecrets(listed);

        var machine = KeyClient(factory, key);
        var seen = await ReadJsonAsync(await machine.GetAsync($"/api/v1/users?q={marker}"), HttpStatusCode.OK);
        Assert.Equal([inside.Id.ToString()], seen.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetString()));

        var revoke = await disnaker.DeleteAsync($"/api/v1/api-keys/{id}");
        var revokeAgain = await disnaker.DeleteAsync($"/api/v1/api-keys/{id}");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (revoke.StatusCode, revokeAgain.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, (await machine.GetAsync("/api/v1/users")).StatusCode);
        var changes = await ChangesAsync(factory, "api_key", id);
        Assert.Equal(["create", "update"], changes.Select(c => c.Action));
        Assert.All(changes, c => Assert.DoesNotContain(key[13..], (c.Before ?? "") + c.After));
        Assert.All(changes, c => Assert.DoesNotContain("secretHash", (c.Before ?? "") + c.After));
    }

    [Fact]
    public async Task CreateApiKey_StoresOnlyTheHashOfTheSecret()
    {
        var admin = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.NationalAdmin, null));

        var created = await ReadJsonAsync(
            await PostJsonAsync(admin, "/api/v1/api-keys", new { name = "Dasbor nasional", role = "national_admin" }), HttpStatusCode.Created);

        ApiKeySecret.TryParse(created.GetProperty("key").GetString()!, out _, out var secret);
        await using var cmd = factory.Database.DataSource.CreateCommand("select secret_hash from access.api_key where id = $1");
        cmd.Parameters.AddWithValue(Guid.Parse(created.GetProperty("id").GetString()!));
        Assert.Equal(ApiKeySecret.Hash(secret), (string?)await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task CreateApiKey_AsDisnakerOperator_InAnotherRegency_Returns422ScopeOutside()
    {
        var disnaker = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.DisnakerOperator, "18.01"));

        var response = await PostJsonAsync(disnaker, "/api/v1/api-keys", new { name = "Kunci kota", role = "desa_operator", scopeCode = Kedaton });

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "api_key.scope_outside");
    }

    [Fact]
    public async Task CreateApiKey_AsDisnakerOperator_WithANationalRole_Returns422RoleNotAssignable()
    {
        var disnaker = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.DisnakerOperator, "18.01"));

        var response = await PostJsonAsync(disnaker, "/api/v1/api-keys", new { name = "Kunci sakti", role = "national_admin" });

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "api_key.role_not_assignable");
    }

    [Theory]
    [InlineData("""{"role":"disnaker_operator","scopeCode":"18.01"}""", "name")]
    [InlineData("""{"name":"ab","role":"disnaker_operator","scopeCode":"18.01"}""", "name")]
    [InlineData("""{"name":"Kunci uji","role":"disnaker_operator"}""", "scopeCode")]
    [InlineData("""{"name":"Kunci uji","scopeCode":"18.01"}""", "role")]
    [InlineData("null", "body")]
    public async Task CreateApiKey_WithABadRequestShape_Returns400(string json, string field)
    {
        var admin = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.NationalAdmin, null));

        var response = await SendRawAsync(admin, HttpMethod.Post, "/api/v1/api-keys", json);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task CreateApiKey_ByAnotherApiKey_Returns403()
    {
        var admin = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.NationalAdmin, null));
        var key = (await ReadJsonAsync(
            await PostJsonAsync(admin, "/api/v1/api-keys", new { name = "Kunci induk", role = "national_admin" }), HttpStatusCode.Created))
            .GetProperty("key").GetString()!;

        var response = await PostJsonAsync(KeyClient(factory, key), "/api/v1/api-keys", new { name = "Kunci anak", role = "national_admin" });

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "api_key.user_required");
    }

    [Fact]
    public async Task RevokeApiKey_OfAnotherRegency_Returns404_AndTheKeyKeepsWorking()
    {
        var admin = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.NationalAdmin, null));
        var created = await ReadJsonAsync(
            await PostJsonAsync(admin, "/api/v1/api-keys", new { name = "Kunci kota", role = "disnaker_operator", scopeCode = "18.71" }), HttpStatusCode.Created);
        var disnaker = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.DisnakerOperator, "18.01"));

        var response = await disnaker.DeleteAsync($"/api/v1/api-keys/{created.GetProperty("id").GetString()}");
        var listed = await (await disnaker.GetAsync("/api/v1/api-keys?pageSize=100")).Content.ReadAsStringAsync();

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "api_key.not_found");
        Assert.DoesNotContain(created.GetProperty("id").GetString()!, listed);
        Assert.Equal(HttpStatusCode.OK, (await KeyClient(factory, created.GetProperty("key").GetString()!).GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task RevokeApiKey_WithAnIdThatNeverExisted_Returns404()
    {
        var admin = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.NationalAdmin, null));

        var response = await admin.DeleteAsync($"/api/v1/api-keys/{Guid.NewGuid()}");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "api_key.not_found");
    }
}
