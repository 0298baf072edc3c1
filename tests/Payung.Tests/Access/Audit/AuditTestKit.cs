using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payung.Access;
using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.Tests.Access.Audit;

/// <summary>
/// Users, branches and audit rows of a test's own (unique names and entities, so tests never see
/// each other's rows), and sign-in through the real /masuk page.
/// </summary>
internal static partial class AuditTestKit
{
    public const string Password = "Audit-Uji-2026!";

    /// <summary>A name no other test uses: <c>prefix</c> + 8 hex digits, lower case.</summary>
    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 8)];

    /// <summary>An audit entity name of this test alone (the API filters entities by exact name).</summary>
    public static string UniqueEntity() => Unique("t_");

    public static AccessDbContext Db(IServiceScope scope, CallerScope caller)
    {
        scope.ServiceProvider.GetRequiredService<CallerContext>().Scope = caller;
        return scope.ServiceProvider.GetRequiredService<AccessDbContext>();
    }

    public static async Task<string> CreateBranchAsync(PayungApiFactory factory, params string[] regencies)
    {
        var code = "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        using var scope = factory.Services.CreateScope();
        var db = Db(scope, CallerScope.System("test"));
        db.Branches.Add(new BpjsBranch
        {
            Code = code,
            Name = "Cabang uji audit " + code,
            Regencies = regencies.Select(r => new BpjsBranchRegency { BranchCode = code, RegencyCode = r }).ToList(),
        });
        await db.SaveChangesAsync();
        return code;
    }

    public static async Task<AppUser> CreateUserAsync(PayungApiFactory factory, Role role, string? scopeCode, string? branchCode = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = Db(scope, CallerScope.System("test"));
        var roleScope = RoleScope.TryCreate(role, scopeCode, branchCode, out var error) ?? throw new InvalidOperationException(error);
        var now = DateTimeOffset.UtcNow;
        var user = AppUser.Create(Unique("audit." + role.ToCode().Split('_')[0] + "."), "Pengguna Uji Audit", role, roleScope, "", now);
        user.SetPassword(scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>().HashPassword(user, Password), now);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public static HttpClient NewClient(PayungApiFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string username, string password)
    {
        var html = await client.GetStringAsync("/masuk");
        var token = TokenPattern().Match(html) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token on /masuk.");
        return await client.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = username,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<HttpClient> SignInAsync(PayungApiFactory factory, AppUser user)
    {
        var client = NewClient(factory);
        var response = await PostSignInAsync(client, user.Username, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpClient> SignInAsNewUserAsync(PayungApiFactory factory, Role role, string? scopeCode, string? branchCode = null) =>
        await SignInAsync(factory, await CreateUserAsync(factory, role, scopeCode, branchCode));

    /// <summary>Writes audit rows the way the application does, as the system.</summary>
    public static async Task WriteAuditAsync(PayungApiFactory factory, params AuditRecord[] records)
    {
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
        await AuditWriter.WriteAsync(connection, null, CallerScope.System("audit-test"), records);
    }

    /// <summary>An audit row with a chosen time and actor, for period and actor filters.</summary>
    public static async Task<long> InsertAuditAsync(PayungApiFactory factory, DateTimeOffset occurredAt, string actorName,
        string action, string entity, string entityId, string? regionCode)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand("""
            insert into access.audit_log (occurred_at, actor_kind, actor_name, action, entity, entity_id, region_code, regency_code)
            values ($1, 'user', $2, $3, $4, $5, $6, left($6, 5))
            returning id
            """);
        cmd.Parameters.AddWithValue(occurredAt.ToUniversalTime());
        cmd.Parameters.AddWithValue(actorName);
        cmd.Parameters.AddWithValue(action);
        cmd.Parameters.AddWithValue(entity);
        cmd.Parameters.AddWithValue(entityId);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)regionCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public sealed record AuditRow(
        long Id, string ActorKind, Guid? ActorId, string ActorName, string? RemoteIp, string Action, string Entity,
        string EntityId, string? RegionCode, string? RegencyCode, string? Before, string? After);

    /// <summary>The rows about one entity instance, oldest first, read past every scope filter (as the database owner).</summary>
    public static async Task<List<AuditRow>> AuditRowsAsync(PayungApiFactory factory, string entityId)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand("""
            select id, actor_kind, actor_id, actor_name, remote_ip, action, entity, entity_id, region_code, regency_code,
                   before::text, after::text
            from access.audit_log where entity_id = $1 order by id
            """);
        cmd.Parameters.AddWithValue(entityId);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<AuditRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new AuditRow(
                reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return rows;
    }

    /// <summary>Asserts an RFC 7807 answer with the given status and stable <c>code</c>, and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, body.GetProperty("code").GetString());
        return body;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
