using System.Net;
using Payung.Shared;
using Payung.Tests.Access;
using static Payung.Tests.Programs.Programmes.ProgrammesTestKit;
using static Payung.Tests.Registry.Workers.WorkersTestKit;

namespace Payung.Tests.Programs.Programmes;

/// <summary>The server-rendered programme pages: list and detail in scope, the activate button, the funder form.</summary>
public sealed class ProgrammePagesTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    [Fact]
    public async Task ProgrammePages_ForTheRegencysDisnaker_ListShowAndActivateItsProgramme()
    {
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        var programme = await CreateProgrammeAsync(factory, NewProgramme(funder.Id) with
        {
            Name = "Program halaman uji " + Guid.NewGuid().ToString("N")[..6], FiscalYear = 2025, MonthFrom = "2025-05", MonthTo = "2025-09",
        });
        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);

        var list = await client.GetStringAsync($"/program?status=draft&q={Uri.EscapeDataString(programme.Name)}");
        Assert.Contains(programme.Name, list, StringComparison.Ordinal);
        foreach (var page in new[] { "/program/baru", "/program/pemberi-dana", $"/program/{programme.Id}/ubah" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
        }

        var token = await AccessTestKit.AntiforgeryTokenAsync(client, $"/program/{programme.Id}");
        var activated = await client.PostAsync($"/program/{programme.Id}?handler=Activate",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        // May–September 2025 has passed, so the active programme reads as ended, with its close button.
        var shown = await client.GetStringAsync($"/program/{programme.Id}");
        Assert.Contains("data-state=\"ended\">Selesai, belum ditutup</span>", shown, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"close-form\"", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgrammeDetailPage_OfAnotherRegency_IsNotFound()
    {
        var elsewhere = await CreateFunderAsync(factory, "pemkab", MuaraEnim);
        var programme = await CreateProgrammeAsync(factory, NewProgramme(elsewhere.Id));
        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/program/{programme.Id}")).StatusCode);
    }

    [Fact]
    public async Task NewProgrammePage_WithBrokenFields_ShowsTheFieldMessages()
    {
        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);
        var token = await AccessTestKit.AntiforgeryTokenAsync(client, "/program/baru");

        var response = await client.PostAsync("/program/baru", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["name"] = "x",
            ["fundingSource"] = "APBD",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nama program wajib diisi", html, StringComparison.Ordinal);
        Assert.Contains("Pagu anggaran wajib diisi", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgrammeDetailPage_WritesTheTermsInWords()
    {
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        var open = await CreateProgrammeAsync(factory, NewProgramme(funder.Id) with
        {
            MinAge = 18, MaxAge = null, VillageQuota = null, DomicileCodes = [Jondong], OccupationCodes = ["nelayan", "petani"],
        });
        var unlimited = await CreateProgrammeAsync(factory, NewProgramme(funder.Id) with { MinAge = null, MaxAge = null, OccupationCodes = [] });
        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/program/{open.Id}"));
        var other = WebUtility.HtmlDecode(await client.GetStringAsync($"/program/{unlimited.Id}"));

        Assert.Contains("<dd class=\"col-sm-8\" data-testid=\"age\">mulai 18 tahun</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"col-sm-8\" data-testid=\"quota\">tanpa kuota</dd>", html, StringComparison.Ordinal);
        Assert.Contains("Petani, Nelayan", html, StringComparison.Ordinal);
        Assert.Contains("Jondong, Kalianda, Kabupaten Lampung Selatan (18.01.06.2001)", html, StringComparison.Ordinal);
        Assert.Contains("Kabupaten Lampung Selatan (18.01)", html, StringComparison.Ordinal);
        Assert.Contains("Mei–September 2026", html, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"col-sm-8\" data-testid=\"age\">tanpa batas</dd>", other, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"col-sm-8\" data-testid=\"quota\">100 orang per desa</dd>", other, StringComparison.Ordinal);
        Assert.DoesNotContain("s.d.", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgrammeDetailPage_ForAVillageOperator_ShowsTheRegencysProgrammeWithoutItsButtons()
    {
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        var programme = await CreateProgrammeAsync(factory, NewProgramme(funder.Id));
        var desa = await ClientAsync(factory, Role.DesaOperator, Jondong);
        var disnaker = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);

        var seen = await desa.GetStringAsync($"/program/{programme.Id}");
        var managed = await disnaker.GetStringAsync($"/program/{programme.Id}");

        Assert.Contains(programme.Name, seen, StringComparison.Ordinal);
        foreach (var button in new[] { "data-testid=\"edit\"", "data-testid=\"activate-form\"", "data-testid=\"close-form\"" })
        {
            Assert.DoesNotContain(button, seen, StringComparison.Ordinal);
        }

        Assert.Contains("data-testid=\"activate-form\"", managed, StringComparison.Ordinal);
        var edit = await desa.GetAsync($"/program/{programme.Id}/ubah");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var token = await AccessTestKit.AntiforgeryTokenAsync(desa, $"/program/{programme.Id}");
        var activated = await desa.PostAsync($"/program/{programme.Id}?handler=Activate",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        Assert.StartsWith("/error/403", activated.Headers.Location!.OriginalString.Replace("http://localhost", ""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgrammeForm_OffersOccupationsByNameAndPostsTheChosenCodes()
    {
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);
        var form = await client.GetStringAsync("/program/baru");
        Assert.Contains("value=\"nelayan\"", form, StringComparison.Ordinal);
        Assert.Contains(">Nelayan</label>", form, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"picker-domicileCodes\"", form, StringComparison.Ordinal);
        var token = await AccessTestKit.AntiforgeryTokenAsync(client, "/program/baru");
        var name = "Program formulir uji " + Guid.NewGuid().ToString("N")[..6];

        var response = await client.PostAsync("/program/baru", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("name", name), new("funderId", funder.Id.ToString()),
            new("fundingSource", "APBD"), new("fiscalYear", "2026"), new("budgetCeiling", "375000000"), new("monthFrom", "2026-05"),
            new("monthTo", "2026-09"), new("targetParticipants", "100"), new("occupationCodes", "nelayan"), new("occupationCodes", "petani"),
            new("domicileCodes", Jondong), new("domicileCodes", Hajimena),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Petani, Nelayan", html, StringComparison.Ordinal);
        Assert.Contains("Hajimena, Natar, Kabupaten Lampung Selatan", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunderPage_ShowsRegionsByNameAndRefusesAMissingRegionOnThePage()
    {
        var funder = await CreateFunderAsync(factory, "pemdes", Jondong);
        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);

        var html = await client.GetStringAsync("/program/pemberi-dana");
        var token = await AccessTestKit.AntiforgeryTokenAsync(client, "/program/pemberi-dana");
        var refused = await client.PostAsync("/program/pemberi-dana", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["name"] = "Pemdes Tanpa Wilayah", ["kind"] = "pemdes",
        }));

        Assert.Contains(funder.Name, html, StringComparison.Ordinal);
        Assert.Contains("Jondong, Kalianda, Kabupaten Lampung Selatan (18.01.06.2001)", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"picker-regionCode\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Kode wilayah wajib diisi", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
