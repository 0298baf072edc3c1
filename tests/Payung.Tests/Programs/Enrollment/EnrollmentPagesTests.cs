using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Payung.Shared;
using Payung.Tests.Access;
using Payung.Tests.Registry.Workers;
using static Payung.Tests.Programs.Enrollment.EnrollmentTestKit;

namespace Payung.Tests.Programs.Enrollment;

/// <summary>The enrolment pages: enrol by NIK, by village and from a file with the verdicts shown; participants with masked NIKs; ending one.</summary>
public sealed class EnrollmentPagesTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AccessTestKit.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task EnrolPage_WithNiks_ShowsEachNiksVerdictAndReason()
    {
        var client = await WorkersTestKit.ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec());
        var (worker, nik) = await CreateWorkerWithNikAsync(factory);

        var response = await PostFormAsync(client, $"/program/{programme}/daftar", "Nik", new() { ["Niks"] = $"{nik}\n12345\n{nik}", ["TanggalTerdaftar"] = "2026-01-05" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("1 terdaftar, 0 daftar tunggu, 2 ditolak", html, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"font-monospace small\">{nik}</td>", html, StringComparison.Ordinal);
        Assert.Contains("data-reason=\"nik.length\"", html, StringComparison.Ordinal);
        Assert.Contains("data-reason=\"import.duplicate_in_file\"", html, StringComparison.Ordinal);
        Assert.Equal("active", await StatusOfAsync(programme, worker));
    }

    [Fact]
    public async Task EnrolPage_ByVillageUpToALimit_EnrolsThatManyAndShowsThem()
    {
        var client = await WorkersTestKit.ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);
        var village = await QuietVillageAsync(factory, 40);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(DomicileCodes: [village]));
        var first = await CreateWorkerAsync(factory, village);
        var second = await CreateWorkerAsync(factory, village);

        var response = await PostFormAsync(client, $"/program/{programme}/daftar", "Village", new() { ["Desa"] = village, ["Batas"] = "1", ["TanggalTerdaftar"] = "2026-01-05" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("1 terdaftar, 0 daftar tunggu, 0 ditolak", html, StringComparison.Ordinal);
        Assert.Equal("active", await StatusOfAsync(programme, first));
        Assert.Null(await StatusOfAsync(programme, second));
    }

    [Fact]
    public async Task EnrolPage_WithAFileWithoutNikHeader_ShowsTheRefusalAndEnrolsNobody()
    {
        var client = await WorkersTestKit.ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec());
        var page = $"/program/{programme}/daftar";
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await AccessTestKit.AntiforgeryTokenAsync(client, page)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("Nama\r\nSiti\r\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Berkas", "peserta.csv");

        var response = await client.PostAsync($"{page}?handler=File", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Judul kolom wajib tidak ditemukan", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await EnrollmentCountAsync(factory, programme));
    }

    [Fact]
    public async Task ParticipantsPage_ForAProvinceViewer_MasksTheNikAndOffersNoEnding()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec());
        var (worker, nik) = await CreateWorkerWithNikAsync(factory);
        await EnrollAsync(factory, programme, worker);
        var viewer = await WorkersTestKit.ClientAsync(factory, Role.ProvinceViewer, "18");

        var html = await viewer.GetStringAsync($"/program/{programme}/peserta?status=active");

        Assert.Contains(PersonalData.Mask(nik)!, html, StringComparison.Ordinal);
        Assert.DoesNotContain(nik, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"end-form\"", html, StringComparison.Ordinal);
        var token = await AccessTestKit.AntiforgeryTokenAsync(viewer, $"/program/{programme}/peserta");
        var ending = await viewer.PostAsync($"/program/{programme}/peserta?handler=End&enrollmentId={Guid.CreateVersion7()}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["reason"] = "death", ["lastMonth"] = "2026-01" }));
        Assert.Equal(HttpStatusCode.Redirect, ending.StatusCode);
        var location = ending.Headers.Location!;
        Assert.StartsWith("/error/403", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParticipantsPage_EndingAnEnrolment_ReleasesTheLaterMonths()
    {
        var client = await WorkersTestKit.ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-03"));
        var (worker, nik) = await CreateWorkerWithNikAsync(factory);
        var enrollment = (await EnrollAsync(factory, programme, worker)).Verdicts[0].EnrollmentId!.Value;
        var page = $"/program/{programme}/peserta";
        Assert.Contains(nik, await client.GetStringAsync(page), StringComparison.Ordinal);

        var response = await PostFormAsync(client, page, $"End&enrollmentId={enrollment}", new() { ["reason"] = "moved", ["lastMonth"] = "2026-01" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(("ended", MonthlyRate), (await EnrollmentAsync(factory, enrollment)) is var e ? (e.Status, e.Committed) : default);
        Assert.Contains("Pindah domisili", await client.GetStringAsync(page + "?status=ended"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParticipantsPage_EndingWithoutAReason_ShowsThePagesMessageAndEndsNothing()
    {
        var client = await WorkersTestKit.ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-03"));
        var (worker, _) = await CreateWorkerWithNikAsync(factory);
        var enrollment = (await EnrollAsync(factory, programme, worker)).Verdicts[0].EnrollmentId!.Value;
        var page = $"/program/{programme}/peserta";
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(page));
        Assert.Contains("<option value=\"\" selected>— pilih alasan —</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"death\" selected", html, StringComparison.Ordinal);

        var response = await PostFormAsync(client, page, $"End&enrollmentId={enrollment}", new() { ["reason"] = "", ["lastMonth"] = "2026-01" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Pilih alasan kepesertaan berakhir.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("active", (await EnrollmentAsync(factory, enrollment)).Status);
    }

    [Fact]
    public async Task ParticipantsPage_ShowsTheVillageByName()
    {
        var client = await WorkersTestKit.ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec());
        var (worker, _) = await CreateWorkerWithNikAsync(factory);
        await EnrollAsync(factory, programme, worker);

        var html = await client.GetStringAsync($"/program/{programme}/peserta");

        Assert.Contains("title=\"18.01.06.2001\">Jondong, Kalianda, Kabupaten Lampung Selatan</td>", html, StringComparison.Ordinal);
    }

    private async Task<string?> StatusOfAsync(Guid programme, Guid worker)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand(
            "select status from programs.enrollment where programme_id = $1 and worker_id = $2");
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter<Guid> { TypedValue = programme });
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter<Guid> { TypedValue = worker });
        return (string?)await cmd.ExecuteScalarAsync();
    }
}
