using System.Net;
using System.Text.RegularExpressions;
using Payung.Infrastructure;
using Payung.Shared;
using static Payung.Tests.Access.Audit.AuditTestKit;

namespace Payung.Tests.Access.Audit;

public sealed class AuditPageTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    [Fact]
    public async Task AuditPage_ForADisnakerOperator_ListsItsRegencysRowsWithChangesAndAnExportLink()
    {
        var entity = UniqueEntity();
        await WriteAuditAsync(factory,
            new AuditRecord("update", entity, "di-kabupaten-sendiri", "18.01.06", """{"displayName":"<Lama>"}""", """{"displayName":"Baru"}"""),
            new AuditRecord("update", entity, "di-kabupaten-lain", "18.71", null, """{"displayName":"B"}"""));
        var client = await SignInAsNewUserAsync(factory, Role.DisnakerOperator, "18.01");

        var response = await client.GetAsync($"/admin/audit?entity={entity}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("di-kabupaten-sendiri", html);
        Assert.DoesNotContain("di-kabupaten-lain", html);
        Assert.Contains("<details>", html);
        Assert.Contains("&lt;Lama&gt;", html); // snapshots are text, never markup
        Assert.Contains($"href=\"/api/v1/audit/export?entity={entity}\"", html);
        Assert.Contains(" WIB", html);
        // The Content-Security-Policy allows neither inline styles nor inline scripts.
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotMatch(new Regex("<script(?![^>]*\\bsrc=)[^>]*>"), html);
    }

    [Fact]
    public async Task AuditPage_WithABadDate_ShowsTheErrorInIndonesianInsteadOfAList()
    {
        var client = await SignInAsNewUserAsync(factory, Role.NationalAdmin, null);

        var html = await client.GetStringAsync("/admin/audit?from=31-12-2026&action=update");

        Assert.Contains("Tanggal harus berformat yyyy-MM-dd", html);
        Assert.DoesNotContain("data-testid=\"audit-table\"", html);
        Assert.Contains("<option value=\"update\" selected", html);
    }

    [Fact]
    public async Task AuditPage_ForARoleWithoutThePermission_RedirectsToTheForbiddenPage()
    {
        var client = await SignInAsNewUserAsync(factory, Role.KecamatanOperator, "18.01.06");

        var response = await client.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.Headers.Location?.OriginalString.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task AuditPage_WhenSignedOut_RedirectsToSignIn()
    {
        var response = await NewClient(factory).GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/masuk", response.Headers.Location?.OriginalString);
    }
}
