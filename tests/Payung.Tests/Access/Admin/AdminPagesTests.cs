using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Payung.Access;
using Payung.Shared;
using static Payung.Tests.Access.AccessTestKit;
using static Payung.Tests.Access.Admin.AdminApi;

namespace Payung.Tests.Access.Admin;

/// <summary>The user and API key pages over HTTP: forms with antiforgery, scope, and the key shown once.</summary>
public sealed partial class AdminPagesTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private const string Jondong = "18.01.06.2001";
    private const string Kedaton = "18.71.01.1003";

    private async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, Dictionary<string, string> fields, string? action = null)
    {
        fields["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(fields));
    }

    private static void AssertNoInlineScriptOrStyle(string html)
    {
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(ScriptTag().Matches(html), m => Assert.Contains("src=", m.Value));
    }

    [Fact]
    public async Task UserList_ShowsUsersInsideTheScopeOnly_AndSearches()
    {
        var marker = Unique("hal").Replace(".", "");
        var inside = await CreateUserAsync(factory, Role.DesaOperator, Jondong, username: marker + ".dalam");
        var outside = await CreateUserAsync(factory, Role.DesaOperator, Kedaton, username: marker + ".luar");
        var disnaker = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.DisnakerOperator, "18.01"));

        var response = await disnaker.GetAsync($"/admin/pengguna?q={marker}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(inside.Username, html);
        Assert.DoesNotContain(outside.Username, html);
        Assert.Contains("1 pengguna", html);
        AssertNoInlineScriptOrStyle(html);
    }

    [Fact]
    public async Task CreateUserPage_WithValidInput_CreatesTheUserAndShowsItsEditPage()
    {
        var disnaker = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.DisnakerOperator, "18.01"));
        var username = Unique("formulir");

        var response = await PostFormAsync(disnaker, "/admin/pengguna/baru", new()
        {
            ["username"] = username, ["displayName"] = "Operator Desa Jondong", ["role"] = "desa_operator",
            ["scopeCode"] = Jondong, ["branchCode"] = "", ["password"] = "Sandi-Awal-2026",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var edit = await disnaker.GetAsync(response.Headers.Location!.OriginalString);
        var html = await edit.Content.ReadAsStringAsync();
        Assert.Contains($"Pengguna {username} telah dibuat.", html);
        AssertNoInlineScriptOrStyle(html);
        Assert.Equal(1, await UsersNamedAsync(factory, username));
    }

    [Fact]
    public async Task CreateUserPage_OutsideTheScope_ShowsTheReasonAndWritesNothing()
    {
        var disnaker = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.DisnakerOperator, "18.01"));
        var username = Unique("formulir");

        var response = await PostFormAsync(disnaker, "/admin/pengguna/baru", new()
        {
            ["username"] = username, ["displayName"] = "Operator Kota", ["role"] = "desa_operator",
            ["scopeCode"] = Kedaton, ["password"] = "Sandi-Awal-2026",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("di luar wilayah kewenangan Anda", html);
        Assert.DoesNotContain("Sandi-Awal-2026", html);
        Assert.Equal(0, await UsersNamedAsync(factory, username));
    }

    [Fact]
    public async Task CreateUserPage_WithAShortPassword_MarksTheField()
    {
        var admin = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.NationalAdmin, null));

        var response = await PostFormAsync(admin, "/admin/pengguna/baru", new()
        {
            ["username"] = Unique("formulir"), ["displayName"] = "Operator", ["role"] = "desa_operator",
            ["scopeCode"] = Jondong, ["password"] = "pendek",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kata sandi minimal 10 karakter.", html);
    }

    [Fact]
    public async Task CreateUserPage_WithoutAntiforgeryToken_IsRejected()
    {
        var admin = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.NationalAdmin, null));
        var username = Unique("palsu");

        var response = await admin.PostAsync("/admin/pengguna/baru", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = username, ["displayName"] = "Palsu", ["role"] = "national_admin", ["password"] = "Sandi-Awal-2026",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await UsersNamedAsync(factory, username));
    }

    [Fact]
    public async Task EditPage_OfAUserOutsideTheScope_Is404()
    {
        var outside = await CreateUserAsync(factory, Role.DesaOperator, Kedaton);
        var disnaker = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.DisnakerOperator, "18.01"));

        var edit = await disnaker.GetAsync($"/admin/pengguna/{outside.Id}");
        var password = await disnaker.GetAsync($"/admin/pengguna/{outside.Id}/kata-sandi");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (edit.StatusCode, password.StatusCode));
    }

    [Fact]
    public async Task EditPage_DeactivatesAUser_WhenTheBoxIsUnticked()
    {
        var target = await CreateUserAsync(factory, Role.DesaOperator, Jondong);
        var disnaker = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.DisnakerOperator, "18.01"));

        var response = await PostFormAsync(disnaker, $"/admin/pengguna/{target.Id}", new()
        {
            ["displayName"] = "Operator Lama", ["role"] = "desa_operator", ["scopeCode"] = Jondong,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var scope = factory.Services.CreateScope();
        var user = await SystemDb(scope).Users.AsNoTracking().SingleAsync(u => u.Id == target.Id);
        Assert.Equal(("Operator Lama", false), (user.DisplayName, user.IsActive));
    }

    [Fact]
    public async Task PasswordPage_SetsANewPassword_WhenBothEntriesMatch()
    {
        var target = await CreateUserAsync(factory, Role.DesaOperator, Jondong);
        var disnaker = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.DisnakerOperator, "18.01"));
        var page = $"/admin/pengguna/{target.Id}/kata-sandi";

        var mismatch = await PostFormAsync(disnaker, page, new() { ["password"] = "Sandi-Baru-2026!", ["passwordConfirmation"] = "Sandi-Lain-2026!" });
        var match = await PostFormAsync(disnaker, page, new() { ["password"] = "Sandi-Baru-2026!", ["passwordConfirmation"] = "Sandi-Baru-2026!" });

        Assert.Equal(HttpStatusCode.OK, mismatch.StatusCode);
        Assert.Contains("Konfirmasi tidak sama", await mismatch.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, match.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostSignInAsync(NewClient(factory), target.Username, "Sandi-Baru-2026!")).StatusCode);
    }

    [Fact]
    public async Task ApiKeyPages_ShowTheKeyOnceWithAWarning_AndRevokeItThroughAForm()
    {
        var disnaker = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.DisnakerOperator, "18.01"));
        var name = "Kunci halaman " + Guid.NewGuid().ToString("N")[..8];

        var created = await PostFormAsync(disnaker, "/admin/kunci-api/baru", new()
        {
            ["name"] = name, ["role"] = "kecamatan_operator", ["scopeCode"] = "18.01.06",
        });

        var html = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore);
        Assert.Contains("Salin kunci ini sekarang", html);
        AssertNoInlineScriptOrStyle(html);
        var key = KeyValue().Match(html).Groups[1].Value;
        Assert.True(ApiKeySecret.TryParse(key, out var prefix, out _));

        var list = await (await disnaker.GetAsync("/admin/kunci-api")).Content.ReadAsStringAsync();
        Assert.Contains(name, list);
        Assert.DoesNotContain(key, list);
        AssertNoInlineScriptOrStyle(list);

        Guid id;
        using (var scope = factory.Services.CreateScope())
        {
            id = await SystemDb(scope).ApiKeys.Where(k => k.Prefix == prefix).Select(k => k.Id).SingleAsync();
        }

        // A kecamatan key may not manage users (403) until it is revoked, then it is no key at all (401).
        Assert.Equal(HttpStatusCode.Forbidden, (await KeyClient(factory, key).GetAsync("/api/v1/users")).StatusCode);
        var revoked = await PostFormAsync(disnaker, "/admin/kunci-api", new() { ["id"] = id.ToString() }, "/admin/kunci-api?handler=Cabut");

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await KeyClient(factory, key).GetAsync("/api/v1/users")).StatusCode);
        Assert.Contains("Kunci API telah dicabut", await (await disnaker.GetAsync("/admin/kunci-api")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AdminPages_ForARoleWithoutThePermission_RedirectToAccessDenied()
    {
        var camat = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.KecamatanOperator, "18.01.06"));

        foreach (var page in new[] { "/admin/pengguna", "/admin/pengguna/baru", "/admin/kunci-api", "/admin/kunci-api/baru" })
        {
            var response = await camat.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/error/403", response.Headers.Location!.PathAndQuery);
        }
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("value=\"(pyg_[a-z0-9]{8}_[A-Za-z0-9_-]{43})\"")]
    private static partial Regex KeyValue();
}
