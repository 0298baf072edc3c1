using System.Net;
using System.Text.Json;
using Payung.Tests.Regions;

namespace Payung.Tests;

public sealed class HostTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_WhenDatabaseMigrated_IsHealthy(string url)
    {
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_DescribesTheRegionAndNikEndpoints()
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/regions/{code}", paths);
        Assert.Contains("/api/v1/regions/{code}/children", paths);
        Assert.Contains("/api/v1/regions", paths);
        Assert.Contains("/api/v1/nik/check", paths);
    }

    [Fact]
    public async Task ApiReference_IsServed()
    {
        var response = await client.GetAsync("/api-docs/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownApiRoute_Returns404Problem()
    {
        var response = await client.GetAsync("/api/v1/no-such-thing");

        await RegionsApiTests.AssertProblemAsync(response, HttpStatusCode.NotFound, "route.not_found");
    }

    [Fact]
    public async Task UnknownPage_ShowsTheErrorPageNotAStackTrace()
    {
        var response = await client.GetAsync("/wilayah/99.99");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"404\"", page);
        Assert.Contains("Halaman atau data ini tidak ada, atau berada di luar wilayah kerja Anda.", page);
    }

    [Theory]
    [InlineData("/error/403", 403, "Peran Anda tidak memiliki akses")]
    [InlineData("/error/400", 400, "Formulir ini kedaluwarsa atau tidak lengkap")]
    [InlineData("/error/500", 500, "Terjadi kesalahan pada server")]
    public async Task ErrorPage_AnswersTheStatusItExplains_InTheLayout(string path, int status, string message)
    {
        var response = await client.GetAsync(path);

        Assert.Equal(status, (int)response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, page);
        Assert.Contains("navbar", page);
    }

    [Fact]
    public async Task PagePost_WithoutAntiforgeryToken_ShowsTheExpiredFormPage_NotABare400()
    {
        var response = await client.PostAsync("/cek-nik", new FormUrlEncodedContent([new("nik", "1801060505850001")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Formulir ini kedaluwarsa atau tidak lengkap", page);
        Assert.Contains("navbar", page);
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders()
    {
        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Home_ShowsTheNationalRegionCounts()
    {
        var html = await client.GetStringAsync("/");

        Assert.Contains(">38<", html);
        Assert.Contains(">514<", html);
        Assert.Contains(">7.285<", html);
        Assert.Contains(">83.762<", html);
    }
}

public sealed class TestHostWiringTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    [Fact]
    public void TheApplicationUnderTest_UsesTheTestDatabase_NotTheEmbeddedDevelopmentCluster()
    {
        var database = (Payung.Infrastructure.PayungDatabase)factory.Services.GetService(typeof(Payung.Infrastructure.PayungDatabase))!;

        Assert.False(database.IsEmbedded);
        Assert.Equal(factory.Database.ConnectionString, database.ConnectionString);
    }
}

public sealed class LanguageSwitchTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    [Theory]
    [InlineData("/wilayah/18.01", "/wilayah/18.01")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example/x", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("", "/")]
    public async Task LanguageSwitch_RedirectsOnlyWithinTheSite(string returnUrl, string expected)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/bahasa/en?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.Contains("AspNetCore.Culture"));
    }
}
