using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payung.Shared;
using static Payung.Tests.Programs.Programmes.ProgrammesTestKit;
using static Payung.Tests.Registry.Workers.WorkersTestKit;

namespace Payung.Tests.Programs.Programmes;

/// <summary>
/// A desa operator sees the kabupaten's programme its village lies in (that is where it enrols its villagers), but
/// only the programme's own region manages it: no edit, activate or close, no billing run, no payment.
/// </summary>
public sealed class ProgrammeVisibilityTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    [Fact]
    public async Task RegencyProgramme_IsVisibleToItsVillages_ButManagedOnlyByTheRegency()
    {
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        var programme = await CreateProgrammeAsync(factory, NewProgramme(funder.Id) with { Name = "Program kabupaten " + Guid.NewGuid().ToString("N")[..6] });
        var desa = await ClientAsync(factory, Role.DesaOperator, "18.01.06.2001");
        var otherRegency = await ClientAsync(factory, Role.DesaOperator, "16.04.01.2001");

        var seen = await desa.GetAsync($"/api/v1/programmes/{programme.Id}");
        var page = await desa.GetStringAsync($"/program/{programme.Id}");
        var activate = await desa.PostAsync($"/api/v1/programmes/{programme.Id}/activate", null);
        var elsewhere = await otherRegency.GetAsync($"/api/v1/programmes/{programme.Id}");
        var bills = await desa.PostAsJsonAsync($"/api/v1/programmes/{programme.Id}/bills", new { });
        var money = await desa.GetAsync($"/api/v1/programmes/{programme.Id}/money");

        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.DoesNotContain("data-testid=\"activate\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, activate.StatusCode);
        Assert.Equal("region.out_of_scope",
            JsonDocument.Parse(await activate.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bills.StatusCode);
        Assert.Equal(HttpStatusCode.OK, money.StatusCode);
        var detail = await seen.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("draft", detail.GetProperty("programme").GetProperty("status").GetString());
    }
}
