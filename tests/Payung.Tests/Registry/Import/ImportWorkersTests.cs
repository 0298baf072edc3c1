using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payung.Access;
using Payung.Infrastructure;
using Payung.Infrastructure.Jobs;
using Payung.Infrastructure.Spreadsheets;
using Payung.Registry.ImportWorkers;
using Payung.Shared;
using Payung.Tests.Access;

namespace Payung.Tests.Registry.Import;

/// <summary>
/// Worker imports end to end: upload through the API, the job run by the host's worker, verdicts per row,
/// the registry afterwards. Each test makes its own file with its own NIKs and asserts only on its rows.
/// </summary>
public sealed class ImportWorkersTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private const string Village = "18.01.06.2001";      // Jondong, Kalianda, Lampung Selatan
    private const string OtherVillage = "18.01.06.2002"; // Tengkujuh, same district
    private const string FarVillage = "11.01.01.2001";   // Aceh Selatan

    [Fact]
    public async Task Import_OfACleanSemicolonCsv_CreatesEveryWorker_AndTheSameFileAgainChangesNothing()
    {
        var nik = new NikGenerator(1);
        var rows = Enumerable.Range(0, 5).Select(_ => ImportRowBuilder.Valid(nik, Village)).ToList();
        foreach (var row in rows)
        {
            NikGenerator.AssertValid(row.Nik, DateOnly.Parse(row["Tanggal Lahir"]!), row["Jenis Kelamin"] == "P" ? Sex.Female : Sex.Male, Regions());
        }

        var client = await AdminAsync();
        var file = ImportFiles.Csv(rows);

        var first = await ImportApi.ImportAsync(client, file, "pekerja.csv");
        Assert.Equal("succeeded", first.Status);
        Assert.Equal(new ImportCounts(5, 0, 0, 0, 0, 0, 5), first.Counts);
        Assert.Equal(5, await WorkerCountAsync(rows.Select(r => r.Nik)));

        var again = await ImportApi.ImportAsync(client, file, "pekerja.csv");
        Assert.Equal(new ImportCounts(0, 0, 5, 0, 0, 0, 5), again.Counts);
        Assert.Equal(5, await WorkerCountAsync(rows.Select(r => r.Nik)));
        var unchanged = await ImportApi.RowsAsync(client, again.Id, "unchanged");
        Assert.All(unchanged.Items, r => Assert.NotNull(r.WorkerId));
    }

    [Fact]
    public async Task Import_OfACommaCsvWithBom_CreatesWorkers_AndOneChangedFieldUpdatesOnlyThatWorker()
    {
        var nik = new NikGenerator(2);
        var rows = Enumerable.Range(0, 3).Select(_ => ImportRowBuilder.Valid(nik, Village)).ToList();
        var client = await AdminAsync();

        var created = await ImportApi.ImportAsync(client, ImportFiles.Csv(rows, ',', bom: true), "pekerja-koma.csv");
        Assert.Equal(3, created.Counts!.Created);

        rows[1]["No HP"] = "081298765432";
        var updated = await ImportApi.ImportAsync(client, ImportFiles.Csv(rows, ','), "pekerja-koma.csv");
        Assert.Equal(new ImportCounts(0, 1, 2, 0, 0, 0, 3), updated.Counts);
        var updatedRows = await ImportApi.RowsAsync(client, updated.Id, "updated");
        Assert.Equal(3, Assert.Single(updatedRows.Items).Row);
        Assert.Equal("081298765432", await PhoneOfAsync(rows[1].Nik));
    }

    [Fact]
    public async Task Import_OfMixedRows_GivesEachRowItsVerdict_AndCreatesTheGoodOnes()
    {
        var nik = new NikGenerator(3);
        var desa = await AccessTestKit.CreateUserAsync(factory, Role.DesaOperator, Village);
        var client = await AccessTestKit.SignedInClientAsync(factory, desa);
        var good = ImportRowBuilder.Valid(nik, Village);
        var goodWithoutVillage = ImportRowBuilder.Valid(nik, Village).With("Kode Desa", null);
        var badNik = ImportRowBuilder.Valid(nik, Village).With("NIK", "180106010190");
        var unknownVillage = ImportRowBuilder.Valid(nik, "18.01.06.2999");
        var noName = ImportRowBuilder.Valid(nik, Village).With("Nama Lengkap", null);
        var badDate = ImportRowBuilder.Valid(nik, Village).With("Tanggal Lahir", "31/02/1990");
        var duplicate = ImportRowBuilder.Valid(nik, Village).With("NIK", good.Nik);
        var outside = ImportRowBuilder.Valid(nik, OtherVillage);
        var mismatch = ImportRowBuilder.Valid(nik, Village);
        mismatch["Jenis Kelamin"] = mismatch["Jenis Kelamin"] == "P" ? "L" : "P";
        var rows = new[] { good, goodWithoutVillage, badNik, unknownVillage, noName, badDate, duplicate, outside, mismatch };

        var import = await ImportApi.ImportAsync(client, ImportFiles.Csv(rows), "campuran.csv");

        Assert.Equal("succeeded", import.Status);
        Assert.Equal(Village, import.DefaultVillage); // a village operator's own village fills empty Kode Desa
        Assert.Equal(new ImportCounts(2, 0, 0, 6, 1, 0, 9), import.Counts);
        var attention = (await ImportApi.RowsAsync(client, import.Id)).Items.ToDictionary(r => r.Row);
        Assert.Equal(["nik.length"], Codes(attention[4]));
        Assert.Equal(["village.unknown"], Codes(attention[5]));
        Assert.Equal(["name.required"], Codes(attention[6]));
        Assert.Equal(["birth_date.invalid"], Codes(attention[7]));
        Assert.Contains(ImportReasons.DuplicateInFile, Codes(attention[8]));
        Assert.Contains("baris 2", attention[8].Reasons.Single(r => r.Code == ImportReasons.DuplicateInFile).Message);
        Assert.Equal([ImportReasons.OutOfScope], Codes(attention[9]));
        Assert.Equal("needs_review", attention[10].Verdict);
        Assert.Equal([NikRules.SexMismatchCode], Codes(attention[10]));
        Assert.Equal(2, await WorkerCountAsync(rows.Select(r => r.Nik)));
    }

    [Fact]
    public async Task Import_OfAnXlsxWithAFormulaAndAFloatNik_RejectsThoseRows_AndCreatesTheRest()
    {
        var nik = new NikGenerator(4);
        var good = ImportRowBuilder.Valid(nik, Village);
        var formula = ImportRowBuilder.Valid(nik, Village);
        var floatNik = ImportRowBuilder.Valid(nik, Village);
        var file = ImportFiles.Xlsx([good, formula, floatNik], (row, header, value) => (row, header) switch
        {
            (3, "Nama Lengkap") => ImportFiles.FormulaCell("HYPERLINK(\"http://contoh.invalid\",\"klik\")", "klik"),
            (4, "NIK") => ImportFiles.NumberCell(double.Parse(value!)),
            _ => null,
        });
        var client = await AdminAsync();

        var import = await ImportApi.ImportAsync(client, file, "rumus.xlsx");

        Assert.Equal(new ImportCounts(1, 0, 0, 2, 0, 0, 3), import.Counts);
        var rows = (await ImportApi.RowsAsync(client, import.Id, "rejected")).Items.ToDictionary(r => r.Row);
        var reason = Assert.Single(rows[3].Reasons);
        Assert.Equal((ImportReasons.FormulaNotAllowed, "Nama Lengkap"), (reason.Code, reason.Column));
        Assert.Equal([ImportReasons.NikExcelFloat], Codes(rows[4]));
        Assert.Equal(1, await WorkerCountAsync([good.Nik, formula.Nik, floatNik.Nik]));
    }

    [Fact]
    public async Task Import_OfAFloatNikWrittenAsTextInACsv_IsRejectedWithoutGuessing()
    {
        var nik = new NikGenerator(5);
        var row = ImportRowBuilder.Valid(nik, Village).With("NIK", "1,80106E+15");
        var client = await AdminAsync();

        var import = await ImportApi.ImportAsync(client, ImportFiles.Csv([row, ImportRowBuilder.Valid(nik, Village)]), "float.csv");

        var rejected = Assert.Single((await ImportApi.RowsAsync(client, import.Id, "rejected")).Items);
        Assert.Equal([ImportReasons.NikExcelFloat], Codes(rejected));
    }

    [Fact]
    public async Task Import_OfCellsWithControlCharactersOrCsvFormulas_RejectsThoseRows()
    {
        var nik = new NikGenerator(6);
        var control = ImportRowBuilder.Valid(nik, Village).With("Alamat", "Dusun\u0007 Sukamaju");
        var injection = ImportRowBuilder.Valid(nik, Village).With("Alamat", "=HYPERLINK(\"http://contoh.invalid\")");
        var phone = ImportRowBuilder.Valid(nik, Village).With("No HP", "+62 812 3456 7890");
        var client = await AdminAsync();

        var import = await ImportApi.ImportAsync(client, ImportFiles.Csv([control, injection, phone]), "kendali.csv");

        Assert.Equal(1, import.Counts!.Created);
        var rows = (await ImportApi.RowsAsync(client, import.Id)).Items.ToDictionary(r => r.Row);
        Assert.Equal([ImportReasons.ControlCharacter], Codes(rows[2]));
        Assert.Equal([ImportReasons.FormulaNotAllowed], Codes(rows[3]));
    }

    public static TheoryData<string, byte[], string, HttpStatusCode> HostileFiles() => new()
    {
        { "import.not_a_spreadsheet", "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n"u8.ToArray().Concat(new byte[512]).ToArray(), "laporan.csv", HttpStatusCode.UnsupportedMediaType },
        { "import.not_a_spreadsheet", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "lama.xls", HttpStatusCode.UnsupportedMediaType },
        { "import.not_a_spreadsheet", "PK\u0003\u0004 not really a zip"u8.ToArray(), "rusak.xlsx", HttpStatusCode.UnsupportedMediaType },
        { "import.headers_missing", Encoding.UTF8.GetBytes("NIK;Nama;Alamat\r\n1801060101900001;Ani;Jalan\r\n"), "judul.csv", HttpStatusCode.UnprocessableEntity },
        { "import.empty", [], "kosong.csv", HttpStatusCode.UnprocessableEntity },
        { "import.empty", Encoding.UTF8.GetBytes(string.Join(";", ImportRowBuilder.Headers) + "\r\n"), "judul-saja.csv", HttpStatusCode.UnprocessableEntity },
        { "import.zip_bomb", ImportFiles.ZipBomb(), "bom.xlsx", HttpStatusCode.UnprocessableEntity },
        { "import.not_utf8", Encoding.UTF8.GetBytes(string.Join(";", ImportRowBuilder.Headers) + "\r\n").Concat(new byte[] { 0x41, 0xE9, 0x41, 0x3B, 0x0D, 0x0A }).ToArray(), "ansi.csv", HttpStatusCode.UnprocessableEntity },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Upload_OfAHostileFile_IsRefusedWithItsCode_AndLeavesNoJob(string code, byte[] content, string name, HttpStatusCode status)
    {
        var client = await AdminAsync();
        var fileName = AccessTestKit.Unique("hostile") + "-" + name;

        var response = await ImportApi.UploadAsync(client, content, fileName);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await ImportApi.ProblemAsync(response)).GetProperty("code").GetString());
        Assert.Equal(0, await ImportCountAsync(fileName));
    }

    [Fact]
    public async Task Upload_WithoutRequiredHeaders_ListsTheMissingOnes()
    {
        var client = await AdminAsync();
        var headers = ImportRowBuilder.Headers.Where(h => h is not ("Pekerjaan" or "Tanggal Lahir")).ToList();
        var response = await ImportApi.UploadAsync(client, ImportFiles.Csv([], headers: headers), "tanpa.csv");

        var problem = await ImportApi.ProblemAsync(response);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["Tanggal Lahir", "Pekerjaan"], problem.GetProperty("missing").EnumerateArray().Select(e => e.GetString() ?? "").ToArray());
    }

    [Fact]
    public async Task Upload_OverTheSizeOrRowLimit_IsRefused()
    {
        using var small = new PayungApiFactory();
        small.Settings["Import:Web:MaxBytes"] = "4000";
        small.Settings["Import:Web:MaxRows"] = "3";
        var admin = await AccessTestKit.CreateUserAsync(small, Role.NationalAdmin, null);
        var client = await AccessTestKit.SignedInClientAsync(small, admin);
        var nik = new NikGenerator(7);
        var name = AccessTestKit.Unique("limit");

        var tooMany = await ImportApi.UploadAsync(client, ImportFiles.Csv(Enumerable.Range(0, 4).Select(_ => ImportRowBuilder.Valid(nik, Village))), name + ".csv");
        var tooLarge = await ImportApi.UploadAsync(client, ImportFiles.Csv(Enumerable.Range(0, 30).Select(_ => ImportRowBuilder.Valid(nik, Village))), name + ".csv");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany.StatusCode);
        Assert.Equal("import.too_many_rows", (await ImportApi.ProblemAsync(tooMany)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("import.too_large", (await ImportApi.ProblemAsync(tooLarge)).GetProperty("code").GetString());
        Assert.Equal(0, await ImportCountAsync(name + ".csv"));
    }

    [Fact]
    public async Task ErrorWorkbook_FixedAndUploadedAsItIs_CreatesTheFixedRows()
    {
        var nik = new NikGenerator(8);
        var good = ImportRowBuilder.Valid(nik, Village);
        var noName = ImportRowBuilder.Valid(nik, Village).With("Nama Lengkap", null);
        var badDate = ImportRowBuilder.Valid(nik, Village);
        var birth = badDate["Tanggal Lahir"]!;
        badDate["Tanggal Lahir"] = "1990-13-45";
        var client = await AdminAsync();
        var import = await ImportApi.ImportAsync(client, ImportFiles.Csv([good, noName, badDate]), "perbaiki.csv");
        Assert.Equal(2, import.Counts!.Rejected);

        var response = await client.GetAsync($"/api/v1/imports/{import.Id}/errors.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ImportWorkbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        var workbook = await response.Content.ReadAsByteArrayAsync();
        var sheet = ImportFiles.ReadRows(workbook);
        Assert.Equal([.. ImportRowBuilder.Headers, "Alasan", "Baris Asal", "Hasil"], sheet[0].Select(c => c ?? ""));
        Assert.Equal(3, sheet.Count);
        Assert.Equal(noName.Nik, sheet[1][0]);
        Assert.Equal("3", sheet[1][17]);
        Assert.Contains("Nama Lengkap wajib diisi", sheet[1][16]);

        // The operator fills the name and the birth date in and uploads the same workbook, reasons and all.
        var fixedBook = ImportFiles.Edit(workbook, new Dictionary<string, string?> { ["C2"] = "Ani Lestari", ["E3"] = birth });
        var again = await ImportApi.ImportAsync(client, fixedBook, "perbaiki.xlsx");

        Assert.Equal(new ImportCounts(2, 0, 0, 0, 0, 0, 2), again.Counts);
        Assert.Empty(again.IgnoredHeaders);
        Assert.Equal(3, await WorkerCountAsync([good.Nik, noName.Nik, badDate.Nik]));
        Assert.True(await AccessTestKit.AuditCountAsync(factory, import.Id.ToString(), "export") >= 1);
    }

    [Fact]
    public async Task Job_KilledBeforeItCommits_LeavesTheRegistryAsBefore_AndRunningItAgainImportsEverything()
    {
        var nik = new NikGenerator(9);
        var rows = Enumerable.Range(0, 20).Select(_ => ImportRowBuilder.Valid(nik, Village)).ToList();
        var path = Path.Combine(Path.GetTempPath(), AccessTestKit.Unique("kill") + ".csv");
        await File.WriteAllBytesAsync(path, ImportFiles.Csv(rows));
        const string owner = "test:kill-simulation";
        Guid jobId;
        using (var scope = factory.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<CallerContext>().Scope = CallerScope.System("test");
            (jobId, _) = await scope.ServiceProvider.GetRequiredService<StartWorkerImport>().LocalFileAsync(path, null, ImportLimits.Cli, owner, default);
        }

        var runner = factory.Services.GetRequiredService<JobRunner>();
        using var kill = new CancellationTokenSource();
        var stages = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(jobId, owner, p =>
        {
            stages.Add(p.Stage);
            if (p.Stage == ImportWorkersJob.StageFinishing)
            {
                kill.Cancel(); // the merge has run inside the transaction; the commit has not
            }
        }, kill.Token));

        Assert.Contains(ImportWorkersJob.StageFinishing, stages);
        Assert.Equal(0, await WorkerCountAsync(rows.Select(r => r.Nik)));
        Assert.Equal(0L, await ScalarAsync<long>("select count(*) from registry.worker_import_row where job_id = $1", jobId));
        Assert.Equal(JobState.Running, (await factory.Services.GetRequiredService<JobQueue>().FindAsync(jobId, default))!.State);

        var state = await runner.RunAsync(jobId, owner, null, CancellationToken.None);

        Assert.Equal(JobState.Succeeded, state);
        Assert.Equal(20, await WorkerCountAsync(rows.Select(r => r.Nik)));
        File.Delete(path);
    }

    [Fact]
    public async Task Import_IsVisibleOnlyToCallersWhoCoverItsRegion()
    {
        var nik = new NikGenerator(10);
        var owner = await AccessTestKit.CreateUserAsync(factory, Role.DesaOperator, Village);
        var neighbour = await AccessTestKit.CreateUserAsync(factory, Role.DesaOperator, OtherVillage);
        var disnaker = await AccessTestKit.CreateUserAsync(factory, Role.DisnakerOperator, "18.01");
        var aceh = await AccessTestKit.CreateUserAsync(factory, Role.DisnakerOperator, "11.01");
        var ownerClient = await AccessTestKit.SignedInClientAsync(factory, owner);
        var import = await ImportApi.ImportAsync(ownerClient, ImportFiles.Csv([ImportRowBuilder.Valid(nik, Village), ImportRowBuilder.Valid(nik, FarVillage)]), "desa.csv");
        Assert.Equal(1, import.Counts!.Rejected);

        foreach (var (user, expected) in new[] { (neighbour, HttpStatusCode.NotFound), (aceh, HttpStatusCode.NotFound), (disnaker, HttpStatusCode.OK), (owner, HttpStatusCode.OK) })
        {
            var client = user == owner ? ownerClient : await AccessTestKit.SignedInClientAsync(factory, user);
            foreach (var url in new[] { $"/api/v1/imports/{import.Id}", $"/api/v1/imports/{import.Id}/rows", $"/api/v1/imports/{import.Id}/errors.xlsx", $"/impor/{import.Id}" })
            {
                var response = await client.GetAsync(url);
                Assert.True(expected == response.StatusCode, $"{user.Role} {url}: {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Upload_ByAVillageOperator_ForAnotherVillage_IsRefused()
    {
        var desa = await AccessTestKit.CreateUserAsync(factory, Role.DesaOperator, Village);
        var client = await AccessTestKit.SignedInClientAsync(factory, desa);

        var response = await ImportApi.UploadAsync(client, ImportFiles.Csv([ImportRowBuilder.Valid(new NikGenerator(11), Village)]), "lain.csv", OtherVillage);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ImportReasons.OutOfScope, (await ImportApi.ProblemAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Upload_ByAProvinceViewer_IsForbidden()
    {
        var viewer = await AccessTestKit.CreateUserAsync(factory, Role.ProvinceViewer, "18");
        var client = await AccessTestKit.SignedInClientAsync(factory, viewer);

        var response = await ImportApi.UploadAsync(client, ImportFiles.Csv([ImportRowBuilder.Valid(new NikGenerator(12), Village)]), "lihat.csv");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Template_HasTheIndonesianHeadersAndAnExampleRowThatPassesTheRules()
    {
        var client = await AdminAsync();

        var response = await client.GetAsync("/api/v1/imports/workers/template.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ImportFiles.ReadRows(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(ImportRowBuilder.Headers, rows[0].Select(c => c ?? ""));
        Assert.Equal("1801054101900001", rows[1][0]);
        var example = NikRules.Check(rows[1][0], new DateOnly(2026, 1, 1), DateOnly.Parse(rows[1][4]!), Sex.Female, Regions());
        Assert.True(example.Valid && example.Warnings.Count == 0);
    }

    [Fact]
    public async Task ResultsPage_ShowsCountsAndTheRowsToFix()
    {
        var nik = new NikGenerator(13);
        var client = await AdminAsync();
        var import = await ImportApi.ImportAsync(client, ImportFiles.Csv([ImportRowBuilder.Valid(nik, Village), ImportRowBuilder.Valid(nik, Village).With("Pekerjaan", "astronot")]), "halaman.csv");

        var html = await client.GetStringAsync($"/impor/{import.Id}");

        Assert.Contains("data-testid=\"count-created\">1<", html);
        Assert.Contains("data-code=\"occupation.unknown\"", html);
        Assert.Contains($"/api/v1/imports/{import.Id}/errors.xlsx", html);
        Assert.Contains("data-testid=\"import-form\"", await client.GetStringAsync("/impor"));
    }

    [Theory]
    [InlineData("1801064101900001")]
    [InlineData("1801060101900000")]
    [InlineData("9901060101900001")]
    [InlineData("1801992902000001")]
    [InlineData("1801992902250001")]
    [InlineData("1801063201900001")]
    [InlineData("1801067201900001")]
    [InlineData("180106010190000")]
    [InlineData("18010601019O0001")]
    public async Task NikCheckInSql_AgreesWithNikRules(string nik)
    {
        var today = new DateOnly(2026, 5, 1);
        var declared = new DateOnly(1990, 1, 2);
        var expected = NikRules.Check(nik, today, declared, Sex.Male, Regions());
        var codes = await ScalarAsync<string[]>("select registry.nik_check($1, $2, $3, 'M')", nik, today, declared);

        Assert.Equal(expected.Errors.Concat(expected.Warnings).Select(e => e.Code).Order(), codes.Order());
    }

    private static string[] Codes(ImportRowItem row) => row.Reasons.Select(r => r.Code).ToArray();

    private IRegionCodeLookup Regions() => factory.Services.GetRequiredService<IRegionCodeLookup>();

    private async Task<HttpClient> AdminAsync() =>
        await AccessTestKit.SignedInClientAsync(factory, await AccessTestKit.CreateUserAsync(factory, Role.NationalAdmin, null));

    private Task<long> WorkerCountAsync(IEnumerable<string> niks) =>
        ScalarAsync<long>("select count(*) from registry.worker where nik = any($1)", (object)niks.ToArray());

    private Task<long> ImportCountAsync(string fileName) =>
        ScalarAsync<long>("select count(*) from registry.worker_import where file_name = $1", fileName);

    private async Task<string?> PhoneOfAsync(string nik) =>
        await ScalarAsync<string>("select phone from registry.worker where nik = $1", nik);

    private async Task<T> ScalarAsync<T>(string sql, params object[] args)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand(sql);
        foreach (var arg in args)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = arg });
        }

        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
