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
        var programme = await CreateProgrammeAsync(factory, NewProgramme(funder.Id) with { Name = "Program halaman uji " + Guid.NewGuid().ToString("N")[..6] });
        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);

        var list = await client.GetStringAsync("/program?status=draft");
        Assert.Contains(programme.Name, list, StringComparison.Ordinal);
        foreach (var page in new[] { "/program/baru", "/program/pemberi-dana", $"/program/{programme.Id}/ubah" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
        }

        var token = await AccessTestKit.AntiforgeryTokenAsync(client, $"/program/{programme.Id}");
        var activated = await client.PostAsync($"/program/{programme.Id}?handler=Activate",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        Assert.Contains("Aktif", await client.GetStringAsync($"/program/{programme.Id}"), StringComparison.Ordinal);
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
}
