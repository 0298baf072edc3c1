using System.Net;
using Payung.Infrastructure;
using Payung.Shared;
using static Payung.Tests.Access.AccessTestKit;

namespace Payung.Tests.Access.Admin;

/// <summary>
/// The user, API key and audit pages write roles, regions and changed values in words, in the page's language, and
/// put a refused region beside the region picker.
/// </summary>
public sealed class AccessPagesInWordsTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private const string Jondong = "18.01.06.2001";
    private const string JondongInWords = "Jondong, Kalianda, Kabupaten Lampung Selatan (18.01.06.2001)";

    private static async Task<HttpClient> InEnglishAsync(HttpClient client)
    {
        await client.GetAsync("/bahasa/en");
        return client;
    }

    private async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task UserList_ShowsTheRoleByLabelAndTheScopeByRegionName()
    {
        var marker = Unique("kata").Replace(".", "");
        await CreateUserAsync(factory, Role.DesaOperator, Jondong, username: marker + ".desa");
        var disnaker = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.DisnakerOperator, "18.01"));

        var html = await disnaker.GetStringAsync($"/admin/pengguna?q={marker}");

        Assert.Contains("Operator desa/kelurahan", html);
        Assert.Contains(JondongInWords, html);
        Assert.Contains("1 pengguna", html);
        Assert.Contains("data-testid=\"picker-region\"", html);
    }

    [Fact]
    public async Task UserList_InEnglish_ShowsEnglishLabelsAndTheSameRegionNames()
    {
        var marker = Unique("kata").Replace(".", "");
        await CreateUserAsync(factory, Role.DesaOperator, Jondong, username: marker + ".desa");
        var disnaker = await InEnglishAsync(await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.DisnakerOperator, "18.01")));

        var html = await disnaker.GetStringAsync($"/admin/pengguna?q={marker}");

        Assert.Contains("Village (desa/kelurahan) operator", html);
        Assert.Contains("1 user<", html);
        Assert.Contains(">Add user<", html);
        Assert.Contains($"<span translate=\"no\">{JondongInWords}</span>", html);
        Assert.DoesNotContain("Operator desa/kelurahan", html);
        Assert.DoesNotContain("Tambah pengguna", html);
    }

    [Fact]
    public async Task EditPage_ShowsTheStoredRegionInThePicker_AndOffersOnlyTheRolesTheManagerMayGive()
    {
        var target = await CreateUserAsync(factory, Role.DesaOperator, Jondong);
        var disnaker = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.DisnakerOperator, "18.01"));

        var html = await disnaker.GetStringAsync($"/admin/pengguna/{target.Id}");

        Assert.Contains($"value=\"{Jondong}\" data-picked-value", html);
        Assert.Contains($"value=\"{JondongInWords}\"", html);
        Assert.Contains("data-testid=\"user-edit-form\"", html);
        Assert.Contains("<option value=\"kecamatan_operator\">", html);
        Assert.DoesNotContain("<option value=\"national_admin\"", html);
        Assert.DoesNotContain("<option value=\"province_viewer\"", html);
    }

    [Fact]
    public async Task CreateUserPage_WithARegionOfTheWrongLevelForTheRole_ShowsTheRuleUnderThePicker()
    {
        var disnaker = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.DisnakerOperator, "18.01"));

        var response = await PostFormAsync(disnaker, "/admin/pengguna/baru", new()
        {
            ["username"] = Unique("tingkat"), ["displayName"] = "Operator Desa", ["role"] = "desa_operator",
            ["scopeCode"] = "18.01", ["password"] = "Sandi-Awal-2026",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<div class=\"invalid-feedback d-block\">Peran ini memerlukan kode desa/kelurahan", html);
        // The region chosen stays chosen, with its name.
        Assert.Contains("value=\"18.01\" data-picked-value", html);
        Assert.Contains("value=\"Kabupaten Lampung Selatan (18.01)\"", html);
    }

    [Fact]
    public async Task CreateUserPage_OutsideTheScope_ShowsTheReasonUnderThePicker()
    {
        var disnaker = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.DisnakerOperator, "18.01"));

        var response = await PostFormAsync(disnaker, "/admin/pengguna/baru", new()
        {
            ["username"] = Unique("luar"), ["displayName"] = "Operator Kota", ["role"] = "desa_operator",
            ["scopeCode"] = "18.71.01.1003", ["password"] = "Sandi-Awal-2026",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<div class=\"invalid-feedback d-block\">Wilayah ini di luar wilayah kewenangan Anda.", html);
        Assert.DoesNotContain("data-testid=\"form-error\"", html);
    }

    [Fact]
    public async Task ApiKeyList_ShowsTheKeysScopeByRegionName_AndARevokeFormWithItsTestId()
    {
        var disnaker = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.DisnakerOperator, "18.01"));
        var name = "Kunci kata " + Guid.NewGuid().ToString("N")[..8];
        var created = await PostFormAsync(disnaker, "/admin/kunci-api/baru", new()
        {
            ["name"] = name, ["role"] = "desa_operator", ["scopeCode"] = Jondong,
        });
        Assert.Contains(JondongInWords, await created.Content.ReadAsStringAsync());

        var html = await disnaker.GetStringAsync("/admin/kunci-api");

        Assert.Contains(JondongInWords, html);
        Assert.Contains("data-testid=\"api-key-revoke-form\"", html);
    }

    [Fact]
    public async Task AuditPage_ShowsChangedValuesInWords()
    {
        var entity = Payung.Tests.Access.Audit.AuditTestKit.UniqueEntity();
        await Payung.Tests.Access.Audit.AuditTestKit.WriteAuditAsync(factory,
            new AuditRecord("update", entity, "kata-1", "18.01.06",
                """{"role":"desa_operator","regionCode":"18.01.06.2001","isActive":true,"displayName":"Siti"}""",
                """{"role":"kecamatan_operator","regionCode":"18.01.06","isActive":false,"displayName":"Siti","shoeSize":42}"""));
        var admin = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.NationalAdmin, null));

        var html = await admin.GetStringAsync($"/admin/audit?entity={entity}");

        Assert.Contains("<td>Operator desa/kelurahan</td>", html);
        Assert.Contains("<td>Operator kecamatan</td>", html);
        Assert.Contains($"<td class=\"text-break\" translate=\"no\">{JondongInWords}</td>", html);
        Assert.Contains("<td>ya</td>", html);
        Assert.Contains("<td>tidak</td>", html);
        Assert.Contains("Nama lengkap", html);
        Assert.Contains("<code>shoeSize</code>", html);
        Assert.Contains("Kalianda, Kabupaten Lampung Selatan (18.01.06)", html);
        Assert.Contains($"<option value=\"{entity}\" selected translate=\"no\">", html);
        Assert.Contains(">Diubah<", html);
    }

    [Fact]
    public async Task AuditPage_InEnglish_NamesEntityTypesAndActions()
    {
        var admin = await InEnglishAsync(await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.NationalAdmin, null)));

        var html = await admin.GetStringAsync("/admin/audit?entity=user&action=update");

        Assert.Contains("<option value=\"user\" selected>User account</option>", html);
        Assert.Contains("<option value=\"update\" selected>Changed</option>", html);
        Assert.Contains(">Audit trail<", html);
        Assert.DoesNotContain("Jejak audit", html);
    }
}
