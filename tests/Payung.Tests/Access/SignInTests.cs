using System.Net;
using Payung.Shared;
using static Payung.Tests.Access.AccessTestKit;

namespace Payung.Tests.Access;

public sealed class SignInTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    [Fact]
    public async Task SignIn_WithRightPassword_SetsAnHttpOnlyStrictCookieAndAuditsIt()
    {
        var user = await CreateUserAsync(factory, Role.DisnakerOperator, "18.01");
        var client = NewClient(factory);

        var response = await PostSignInAsync(client, user.Username, Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("payung.auth="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await AuditCountAsync(factory, user.Id.ToString(), "sign_in"));
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_FailsWithoutSayingWhetherTheUserExists()
    {
        var user = await CreateUserAsync(factory, Role.DesaOperator, "18.01.06.2001");
        var client = NewClient(factory);

        var wrongPassword = await PostSignInAsync(client, user.Username, "salah-sekali-123");
        var unknownUser = await PostSignInAsync(client, Unique("tidakada"), "salah-sekali-123");

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownUser.StatusCode);
        Assert.Contains("Nama pengguna atau kata sandi salah", await wrongPassword.Content.ReadAsStringAsync());
        Assert.Contains("Nama pengguna atau kata sandi salah", await unknownUser.Content.ReadAsStringAsync());
        Assert.Equal(1, await AuditCountAsync(factory, user.Id.ToString(), "sign_in_failed"));
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        var user = await CreateUserAsync(factory, Role.KecamatanOperator, "18.01.06");
        var client = NewClient(factory);
        for (var i = 0; i < 4; i++)
        {
            await PostSignInAsync(client, user.Username, "salah-" + i + "-password");
        }

        var fifth = await PostSignInAsync(client, user.Username, "salah-5-password");
        var rightButLocked = await PostSignInAsync(client, user.Username, Password);

        Assert.Contains("dikunci sementara", await fifth.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, rightButLocked.StatusCode);
        Assert.Contains("dikunci sementara", await rightButLocked.Content.ReadAsStringAsync());
        Assert.False(rightButLocked.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("payung.auth=")));
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRejected()
    {
        var user = await CreateUserAsync(factory, Role.DisnakerOperator, "18.01");
        var client = NewClient(factory);

        var response = await client.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = user.Username,
            ["Password"] = Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await AuditCountAsync(factory, user.Id.ToString(), "sign_in"));
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRejectedAndKeepsTheSession()
    {
        var user = await CreateUserAsync(factory, Role.NationalAdmin, null);
        var client = await SignedInClientAsync(factory, user);

        var forged = await client.PostAsync("/keluar", new FormUrlEncodedContent([]));
        var stillIn = await client.GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, stillIn.StatusCode);
    }

    [Fact]
    public async Task DeactivatedUser_LosesAccessOnTheNextRequest()
    {
        var admin = await CreateUserAsync(factory, Role.NationalAdmin, null);
        var client = await SignedInClientAsync(factory, admin);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users")).StatusCode);

        await using (var cmd = factory.Database.DataSource.CreateCommand("update access.app_user set is_active = false where id = $1"))
        {
            cmd.Parameters.AddWithValue(admin.Id);
            await cmd.ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task Api_WithoutSignIn_Answers401Problem_AndPagesRedirectToSignIn()
    {
        var client = NewClient(factory);

        var api = await client.GetAsync("/api/v1/users");
        var page = await client.GetAsync("/admin/pengguna");

        await Payung.Tests.Regions.RegionsApiTests.AssertProblemAsync(api, HttpStatusCode.Unauthorized, "auth.required");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/masuk", page.Headers.Location!.PathAndQuery);
    }
}

/// <summary>The sign-in rate limit, on a factory of its own with a tight limit.</summary>
public sealed class SignInRateLimitTests : IDisposable
{
    private readonly PayungApiFactory factory = new() { Settings = { ["Access:SignInAttemptsPerMinute"] = "3" } };

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task SignIn_BeyondTheLimitPerMinute_Answers429_WhileTheFormStillShows()
    {
        var client = NewClient(factory);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            // Without a token the attempt itself is refused (400), but only after it counted against the limit.
            statuses.Add((await client.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Username"] = "tidak.ada", ["Password"] = "salah-sekali-2026",
            }))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/masuk")).StatusCode);
    }
}
