using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Payung.Shared;
using Payung.Tests.Registry.Import;
using Payung.Tests.Registry.Workers;
using static Payung.Tests.Programs.Enrollment.EnrollmentTestKit;

namespace Payung.Tests.Programs.Enrollment;

/// <summary>
/// <c>POST /api/v1/programmes/{id}/enrollments/import</c>: a verdict per row of a NIK file, and hostile or damaged files
/// refused whole with the import's codes, leaving the programme untouched.
/// </summary>
public sealed class EnrollFromFileApiTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private static ImportRowBuilder Row(string? nik) => new ImportRowBuilder().With("NIK", nik);

    // A name beside each NIK, so a row without a NIK is still a row, and the day BPJS registered each participant.
    private static byte[] Csv(params string?[] niks) =>
        ImportFiles.Csv(niks.Select(n => Row(n).With("Nama Lengkap", "Calon Peserta").With("Tanggal terdaftar BPJS", "05-01-2026")), ',',
            headers: ["NIK", "Nama Lengkap", "Tanggal terdaftar BPJS"]);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid programme, byte[] content, string fileName = "peserta.csv",
        string? membershipStart = null)
    {
        using var form = new MultipartFormDataContent();
        if (membershipStart is not null)
        {
            form.Add(new StringContent(membershipStart), "membershipStart");
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/v1/programmes/{programme}/enrollments/import", form);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    private static (int Row, string Verdict, string[] Codes) Verdict(JsonElement row) => (
        row.GetProperty("row").GetInt32(),
        row.GetProperty("verdict").GetString()!,
        row.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToArray());

    [Fact]
    public async Task Import_CsvWithGoodBadDuplicateAndUnknownNiks_GivesEveryRowItsVerdict()
    {
        var client = await WorkersTestKit.ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec());
        var (worker, nik) = await CreateWorkerWithNikAsync(factory);
        var (_, lahat) = await CreateWorkerWithNikAsync(factory, village: WorkersTestKit.KembangAyun);

        var response = await UploadAsync(client, programme, Csv(nik, "12345", nik, "1801abcd01900001", lahat, null, "1899990101700001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal((1, 6), (body.GetProperty("enrolled").GetInt32(), body.GetProperty("rejected").GetInt32()));
        Assert.Equal(
            [
                (2, "enrolled", Array.Empty<string>()),
                (3, "rejected", ["nik.length"]),
                (4, "rejected", ["import.duplicate_in_file"]),
                (5, "rejected", ["nik.not_digits"]),
                (6, "rejected", ["worker.not_found"]), // in Lahat: outside the operator's scope, so unknown to it
                (7, "rejected", ["nik.required"]),
                (8, "rejected", ["worker.not_found"]),
            ],
            body.GetProperty("rows").EnumerateArray().Select(Verdict).ToArray());
        Assert.Equal(worker, body.GetProperty("rows")[0].GetProperty("workerId").GetGuid());
        Assert.Equal(2 * MonthlyRate, await CommittedAsync(factory, programme));
    }

    [Fact]
    public async Task Import_XlsxWithANameColumnBeforeTheNik_EnrolsByTheNikColumn()
    {
        var client = await WorkersTestKit.ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec());
        var (worker, nik) = await CreateWorkerWithNikAsync(factory);
        var rows = new[] { Row(nik).With("Nama Lengkap", "Siti Aminah") };

        var response = await UploadAsync(client, programme, ImportFiles.Xlsx(rows, headers: ["Nama Lengkap", "NIK"]), "peserta.xlsx",
            membershipStart: "2026-01-05");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single((await JsonAsync(response)).GetProperty("rows").EnumerateArray());
        Assert.Equal((2, "enrolled"), (row.GetProperty("row").GetInt32(), row.GetProperty("verdict").GetString()));
        Assert.Equal(worker, row.GetProperty("workerId").GetGuid());
    }

    public static TheoryData<string, HttpStatusCode, string> HostileFiles() => new()
    {
        { "binary", HttpStatusCode.UnsupportedMediaType, "import.not_a_spreadsheet" },
        { "no-header", HttpStatusCode.UnprocessableEntity, "import.headers_missing" },
        { "header-only", HttpStatusCode.UnprocessableEntity, "import.empty" },
        { "empty", HttpStatusCode.UnprocessableEntity, "import.empty" },
        { "too-big", HttpStatusCode.RequestEntityTooLarge, "import.too_large" },
        { "too-many-rows", HttpStatusCode.RequestEntityTooLarge, "import.too_many_rows" },
        { "csv-formula", HttpStatusCode.UnprocessableEntity, "import.formula_not_allowed" },
        { "xlsx-formula", HttpStatusCode.UnprocessableEntity, "import.formula_not_allowed" },
        { "csv-excel-float", HttpStatusCode.UnprocessableEntity, "nik.excel_float" },
        { "xlsx-number", HttpStatusCode.UnprocessableEntity, "nik.excel_float" },
        { "zip-bomb", HttpStatusCode.UnprocessableEntity, "import.zip_bomb" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Import_HostileOrDamagedFile_IsRefusedWholeWithItsCodeAndChangesNothing(string kind, HttpStatusCode status, string code)
    {
        var client = await WorkersTestKit.ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec());
        var (_, nik) = await CreateWorkerWithNikAsync(factory);
        var (content, name) = kind switch
        {
            "binary" => (new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2 }, "peserta.csv"),
            "no-header" => (Encoding.UTF8.GetBytes($"{nik}\r\n"), "peserta.csv"),
            "header-only" => (Encoding.UTF8.GetBytes("NIK\r\n"), "peserta.csv"),
            "empty" => (Array.Empty<byte>(), "peserta.csv"),
            "too-big" => (Encoding.UTF8.GetBytes("NIK\r\n" + string.Concat(Enumerable.Repeat(nik + "\r\n", 2 * 1024 * 1024 / 18 + 10))), "peserta.csv"),
            "too-many-rows" => (Csv([nik, .. Enumerable.Repeat("1801054101900001", 1000)]), "peserta.csv"),
            "csv-formula" => (Csv(nik, "=HYPERLINK(\"http://contoh.invalid\")"), "peserta.csv"),
            "xlsx-formula" => (ImportFiles.Xlsx([Row(nik), Row("1")], (r, _, _) => r == 3 ? ImportFiles.FormulaCell("1+1", "2") : null, ["NIK"]), "peserta.xlsx"),
            "csv-excel-float" => (Csv(nik, "1.80106E+15"), "peserta.csv"),
            "xlsx-number" => (ImportFiles.Xlsx([Row(nik)], (_, _, v) => ImportFiles.NumberCell(double.Parse(v!)), ["NIK"]), "peserta.xlsx"),
            _ => (ImportFiles.ZipBomb(), "peserta.xlsx"),
        };

        var response = await UploadAsync(client, programme, content, name);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await JsonAsync(response)).GetProperty("code").GetString());
        Assert.Equal(0, await EnrollmentCountAsync(factory, programme));
    }

    [Fact]
    public async Task Import_WithoutAFileOrIntoAnotherRegencysProgramme_AnswersProblems()
    {
        var client = await WorkersTestKit.ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);
        var elsewhere = await CreateProgrammeAsync(factory, new ProgrammeSpec(RegionCode: "16.04"));
        var draft = await CreateProgrammeAsync(factory, new ProgrammeSpec(Status: "draft"));
        var (_, nik) = await CreateWorkerWithNikAsync(factory);

        using var withoutFile = new MultipartFormDataContent { { new StringContent("NIK"), "catatan" } };
        var noFile = await client.PostAsync($"/api/v1/programmes/{draft}/enrollments/import", withoutFile);
        var outside = await UploadAsync(client, elsewhere, Csv(nik));
        var notActive = await UploadAsync(client, draft, Csv(nik));

        Assert.Equal((HttpStatusCode.BadRequest, "request.invalid"), (noFile.StatusCode, (await JsonAsync(noFile)).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.NotFound, "programme.not_found"), (outside.StatusCode, (await JsonAsync(outside)).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "programme.not_active"),
            (notActive.StatusCode, (await JsonAsync(notActive)).GetProperty("code").GetString()));
        Assert.Equal(0, await EnrollmentCountAsync(factory, draft));
    }
}
