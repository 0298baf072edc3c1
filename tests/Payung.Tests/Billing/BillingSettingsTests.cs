using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payung.Shared;
using Payung.Tests.Access;

namespace Payung.Tests.Billing;

/// <summary>
/// Administrators keep Billing's settings and protection-rule versions. Changes here stay harmless for the other
/// tests sharing the database: a setting is written with its seeded value, and rule versions start in 2100.
/// </summary>
public sealed class BillingSettingsTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private async Task<HttpClient> ClientAsync(Role role, string? scope) =>
        await AccessTestKit.SignedInClientAsync(factory, await AccessTestKit.CreateUserAsync(factory, role, scope));

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;

    [Fact]
    public async Task Settings_AreReadByEveryone_ChangedOnlyByANationalAdministrator_AndChecked()
    {
        var admin = await ClientAsync(Role.NationalAdmin, null);
        var disnaker = await ClientAsync(Role.DisnakerOperator, "18.01");

        var read = await disnaker.GetFromJsonAsync<JsonElement>("/api/v1/billing/settings");
        var forbidden = await disnaker.PutAsJsonAsync("/api/v1/billing/settings/notification_retry_minutes", new { value = "15" });
        var changed = await admin.PutAsJsonAsync("/api/v1/billing/settings/notification_retry_minutes", new { value = " 15 " });
        var notNumber = await admin.PutAsJsonAsync("/api/v1/billing/settings/handover_notice_days", new { value = "tiga puluh" });
        var tooMany = await admin.PutAsJsonAsync("/api/v1/billing/settings/handover_notice_days", new { value = "400" });
        var channel = await admin.PutAsJsonAsync("/api/v1/billing/settings/notification_channel", new { value = "telegram" });
        var unknown = await admin.PutAsJsonAsync("/api/v1/billing/settings/denda_persen", new { value = "2" });

        Assert.Contains(read.GetProperty("settings").EnumerateArray(), s => s.GetProperty("key").GetString() == "handover_notice_days");
        Assert.Equal("PROTECTION@2015-07", read.GetProperty("protectionRules")[0].GetProperty("version").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("15", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());
        Assert.All(new[] { notNumber, tooMany, channel }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal((HttpStatusCode.NotFound, "setting.not_found"), (unknown.StatusCode, await CodeOf(unknown)));
        Assert.True(await AccessTestKit.AuditCountAsync(factory, "notification_retry_minutes", "update") >= 1);
    }

    [Fact]
    public async Task ProtectionRule_NewVersion_ClosesThePreviousOne_AndABackdatedOneIsRefused()
    {
        var admin = await ClientAsync(Role.NationalAdmin, null);

        var added = await admin.PostAsJsonAsync("/api/v1/billing/protection-rules", new
        {
            effectiveFrom = "2100-01", dueDay = 10, lapseMonths = 3, arrearsMonthProtected = true, regulation = "Peraturan uji 2100",
        });
        var backdated = await admin.PostAsJsonAsync("/api/v1/billing/protection-rules", new
        {
            effectiveFrom = "2099-06", dueDay = 10, lapseMonths = 3, arrearsMonthProtected = false, regulation = "Peraturan uji mundur",
        });
        var invalid = await admin.PostAsJsonAsync("/api/v1/billing/protection-rules", new
        {
            effectiveFrom = "2101", dueDay = 31, lapseMonths = 0, regulation = "",
        });
        var rules = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/billing/settings")).GetProperty("protectionRules").EnumerateArray().ToList();

        Assert.True(added.StatusCode == HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "protection_rule.backdated"), (backdated.StatusCode, await CodeOf(backdated)));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.All(new[] { "effectiveFrom", "dueDay", "lapseMonths", "arrearsMonthProtected", "regulation" }, f => Assert.True(errors.TryGetProperty(f, out _), f));
        Assert.Equal("2099-12", rules.Single(r => r.GetProperty("version").GetString() == "PROTECTION@2015-07").GetProperty("effectiveTo").GetString());
        // Both are audited: the closing of the version in force and the new version.
        Assert.Equal(1, await AccessTestKit.AuditCountAsync(factory, "PROTECTION@2015-07", "update"));
        Assert.Equal(1, await AccessTestKit.AuditCountAsync(factory, "PROTECTION@2100-01", "create"));
        var newest = rules.Single(r => r.GetProperty("version").GetString() == "PROTECTION@2100-01");
        Assert.Equal((10, true, 12), (newest.GetProperty("dueDay").GetInt32(), newest.GetProperty("arrearsMonthProtected").GetBoolean(),
            newest.GetProperty("maxPrepayMonths").GetInt32()));
    }

    [Fact]
    public async Task SettingsPage_ShowsTheRules_SavesASetting_AndIsOnlyForNationalAdministrators()
    {
        var admin = await ClientAsync(Role.NationalAdmin, null);
        var disnaker = await ClientAsync(Role.DisnakerOperator, "18.01");

        var html = await admin.GetStringAsync("/admin/iuran");
        var token = await AccessTestKit.AntiforgeryTokenAsync(admin, "/admin/iuran");
        var saved = await admin.PostAsync("/admin/iuran?handler=Setting&key=notification_channel", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["value"] = "sms" }));
        var refused = await admin.PostAsync("/admin/iuran?handler=Setting&key=notification_channel", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["value"] = "merpati" }));
        var denied = await disnaker.GetAsync("/admin/iuran");

        Assert.Contains("PROTECTION@2015-07", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Pilih salah satu: sms, whatsapp", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/error/403", denied.Headers.Location!.IsAbsoluteUri ? denied.Headers.Location.PathAndQuery : denied.Headers.Location.OriginalString);
    }
}
