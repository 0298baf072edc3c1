using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Payung.Access;

namespace Payung.Tests.Access.Admin;

/// <summary>Calls and checks shared by the user and API key tests; sign-in and test users come from AccessTestKit.</summary>
internal static class AdminApi
{
    public sealed record AuditRow(string Action, string ActorKind, string? Before, string? After);

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PutJsonAsync(HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> SendRawAsync(HttpClient client, HttpMethod method, string url, string json) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The ProblemDetails <c>code</c>, after checking status and media type.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(code, root.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        return root;
    }

    public static HttpClient KeyClient(PayungApiFactory factory, string key)
    {
        var client = AccessTestKit.NewClient(factory);
        client.DefaultRequestHeaders.Add(AccessClaims.ApiKeyHeader, key);
        return client;
    }

    /// <summary>Create and update rows of one record (sign-in rows of a user are not changes).</summary>
    public static async Task<List<AuditRow>> ChangesAsync(PayungApiFactory factory, string entity, string entityId)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand("""
            select action, actor_kind, before::text, after::text from access.audit_log
            where entity = $1 and entity_id = $2 and action in ('create', 'update', 'delete')
            order by id
            """);
        cmd.Parameters.AddWithValue(entity);
        cmd.Parameters.AddWithValue(entityId);
        var rows = new List<AuditRow>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new AuditRow(reader.GetString(0), reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return rows;
    }

    /// <summary>Audit rows of users created with this username, found by the snapshot (a refused create has no id).</summary>
    public static async Task<long> UserCreatesNamedAsync(PayungApiFactory factory, string username)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand(
            "select count(*) from access.audit_log where entity = 'user' and action = 'create' and after->>'username' = $1");
        cmd.Parameters.AddWithValue(username);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public static async Task<long> UsersNamedAsync(PayungApiFactory factory, string username)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand("select count(*) from access.app_user where username = $1");
        cmd.Parameters.AddWithValue(username);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public static void AssertHasNoSecrets(string? json)
    {
        Assert.NotNull(json);
        Assert.DoesNotContain("password", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AQAAAA", json, StringComparison.Ordinal); // the prefix of an ASP.NET Identity v3 hash
    }
}
