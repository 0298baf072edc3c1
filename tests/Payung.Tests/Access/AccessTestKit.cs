using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Payung.Access;
using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.Tests.Access;

/// <summary>Creates users and branches of a test's own (unique names) and signs in through the real page.</summary>
public static partial class AccessTestKit
{
    public const string Password = "Rahasia-Uji-2026";

    public static string Unique(string prefix) => $"{prefix}.{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 13)];

    public static async Task<string> CreateBranchAsync(PayungApiFactory factory, params string[] regencies)
    {
        var code = "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        using var scope = factory.Services.CreateScope();
        var db = SystemDb(scope);
        db.Branches.Add(new BpjsBranch
        {
            Code = code,
            Name = "Cabang uji " + code,
            Regencies = regencies.Select(r => new BpjsBranchRegency { BranchCode = code, RegencyCode = r }).ToList(),
        });
        await db.SaveChangesAsync();
        return code;
    }

    public static async Task<AppUser> CreateUserAsync(PayungApiFactory factory, Role role, string? scopeCode, string? branchCode = null,
        string? username = null, string password = Password)
    {
        using var scope = factory.Services.CreateScope();
        var db = SystemDb(scope);
        var roleScope = RoleScope.TryCreate(role, scopeCode, branchCode, out var error) ?? throw new InvalidOperationException(error);
        var user = AppUser.Create(username ?? Unique(role.ToCode().Split('_')[0]), "Pengguna Uji", role, roleScope, "", DateTimeOffset.UtcNow);
        user.SetPassword(scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>().HashPassword(user, password), DateTimeOffset.UtcNow);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public static AccessDbContext SystemDb(IServiceScope scope)
    {
        scope.ServiceProvider.GetRequiredService<CallerContext>().Scope = CallerScope.System("test");
        return scope.ServiceProvider.GetRequiredService<AccessDbContext>();
    }

    public static HttpClient NewClient(PayungApiFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return TokenPattern().Match(html) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {page}");
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string username, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/masuk");
        return await client.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = username,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<HttpClient> SignedInClientAsync(PayungApiFactory factory, AppUser user, string password = Password)
    {
        var client = NewClient(factory);
        var response = await PostSignInAsync(client, user.Username, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {user.Username} answered {(int)response.StatusCode}");
        }

        return client;
    }

    public static async Task<long> AuditCountAsync(PayungApiFactory factory, string entityId, string? action = null)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand(
            "select count(*) from access.audit_log where entity_id = $1 and ($2::text is null or action = $2)");
        cmd.Parameters.AddWithValue(entityId);
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = (object?)action ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
