using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payung.Shared;
using static Payung.Tests.Registry.Workers.WorkersTestKit;

namespace Payung.Tests.Registry.Workers;

/// <summary>Correcting a mistyped NIK: same rules as registration, free nationwide, a reason, the old NIK in the audit.</summary>
public sealed class CorrectNikTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    [Fact]
    public async Task CorrectNik_KeepsTheWorker_ChecksTheNewNik_AndAuditsTheOldOne()
    {
        var born = TestNik.BirthDate();
        var worker = await RegisterAsync(factory, NewWorker(Jondong, birthDate: born));
        var other = await RegisterAsync(factory, NewWorker(Jondong));
        var client = await ClientAsync(factory, Role.DesaOperator, Jondong);
        var fresh = TestNik.For(Jondong[..8], born, Sex.Male);

        var noReason = await client.PutAsJsonAsync($"/api/v1/workers/{worker.Nik}/nik", new { nik = fresh });
        var malformed = await client.PutAsJsonAsync($"/api/v1/workers/{worker.Nik}/nik", new { nik = "18010612", reason = "salah ketik di desa" });
        var taken = await client.PutAsJsonAsync($"/api/v1/workers/{worker.Nik}/nik", new { nik = other.Nik, reason = "salah ketik di desa" });
        var same = await client.PutAsJsonAsync($"/api/v1/workers/{worker.Nik}/nik", new { nik = worker.Nik, reason = "salah ketik di desa" });
        var corrected = await client.PutAsJsonAsync($"/api/v1/workers/{worker.Nik}/nik", new { nik = fresh, reason = "salah ketik di desa" });
        var byNewNik = await client.GetAsync($"/api/v1/workers/{fresh}");
        var byOldNik = await client.GetAsync($"/api/v1/workers/{worker.Nik}");

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("worker.nik_taken", JsonDocument.Parse(await taken.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, same.StatusCode);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(worker.Id, (await byNewNik.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, byOldNik.StatusCode);
        await using var cmd = factory.Database.DataSource.CreateCommand(
            "select before->>'nik', after->>'reason' from access.audit_log where entity = 'worker_nik' and entity_id = $1");
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = worker.Id.ToString() });
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.Equal((worker.Nik, "salah ketik di desa"), (r.GetString(0), r.GetString(1)));
    }

    [Fact]
    public async Task CorrectNik_OutsideTheScope_IsNotFound_AndAViewerMayNot()
    {
        var worker = await RegisterAsync(factory, NewWorker(Jondong));
        var elsewhere = await ClientAsync(factory, Role.DesaOperator, "16.04.01.2001");
        var viewer = await ClientAsync(factory, Role.ProvinceViewer, "18");

        var outside = await elsewhere.PutAsJsonAsync($"/api/v1/workers/{worker.Nik}/nik", new { nik = worker.Nik, reason = "salah ketik di desa" });
        var forbidden = await viewer.PutAsJsonAsync($"/api/v1/workers/{worker.Nik}/nik", new { nik = worker.Nik, reason = "salah ketik di desa" });

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task CorrectNikPage_SavesTheNewNik_AndShowsTheRuleMessages()
    {
        var born = TestNik.BirthDate();
        var worker = await RegisterAsync(factory, NewWorker(Jondong, birthDate: born));
        var client = await ClientAsync(factory, Role.DesaOperator, Jondong);
        var fresh = TestNik.For(Jondong[..8], born, Sex.Male);

        var token = await Payung.Tests.Access.AccessTestKit.AntiforgeryTokenAsync(client, $"/pekerja/{worker.Id}/nik");
        var bad = await client.PostAsync($"/pekerja/{worker.Id}/nik", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["nik"] = fresh, ["reason"] = "x",
        }));
        var good = await client.PostAsync($"/pekerja/{worker.Id}/nik", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["nik"] = fresh, ["reason"] = "sesuai KTP asli",
        }));

        Assert.Contains("Alasan perbaikan wajib diisi", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains(fresh, await client.GetStringAsync($"/pekerja/{worker.Id}"), StringComparison.Ordinal);
    }
}
