using System.Text;
using Payung.Testing;
using Payung.Tests.Cli;

namespace Payung.Tests.Registry.Import;

/// <summary>`payung import workers` runs the same import job in-process, as the system.</summary>
public sealed class ImportWorkersCommandTests
{
    [Fact]
    public async Task ImportWorkers_FromTheCommandLine_CreatesGoodRows_WritesTheRowsToFix_AndRunsTheScanOnRequest()
    {
        var db = await TestDatabase.GetAsync();
        var niks = new NikGenerator(seed: 4242);
        var twin = ImportRowBuilder.Valid(niks, "18.01.06.2001", name: "Sutrisno Cli Kembar");
        var rows = new[]
        {
            ImportRowBuilder.Valid(niks, "18.01.06.2001"),
            twin,
            // The same name under a NIK one digit away (the last digit of the birth year): imported, then
            // raised by the duplicate scan.
            OneYearDigitApart(twin, niks),
            ImportRowBuilder.Valid(niks, "18.01.06.2001").With("Kode Desa", "18.01.06.9999"),
        };
        var dir = Directory.CreateTempSubdirectory("payung-cli-import-");
        try
        {
            var csv = Path.Combine(dir.FullName, "pekerja.csv");
            var errors = Path.Combine(dir.FullName, "perbaiki.xlsx");
            var lines = new List<string> { string.Join(';', ImportRowBuilder.Headers) };
            lines.AddRange(rows.Select(r => string.Join(';', ImportRowBuilder.Headers.Select(h => r[h] ?? ""))));
            await File.WriteAllLinesAsync(csv, lines, new UTF8Encoding(false));

            var run = await CliRun.RunAsync("import", "workers", csv, "--errors", errors, "--scan-duplicates", "--db", db.ConnectionString);

            Assert.True(run.ExitCode == 0, run.Error + run.Output);
            Assert.Matches(@"created\s*│\s*3", run.Output);
            Assert.Matches(@"rejected\s*│\s*1", run.Output);
            // Another test host's job worker in this process may pick the scan up first; either way it runs.
            Assert.True(run.Output.Contains("Duplicate scan finished: 1 new candidate") || run.Output.Contains("is already being run"), run.Output);
            Assert.Equal(1, await CandidatesWithinAsync(db, twin.Nik, TimeSpan.FromSeconds(30)));
            Assert.True(new FileInfo(errors).Length > 0);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<long> CandidatesWithinAsync(TestDatabase.Instance db, string nik, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var cmd = db.DataSource.CreateCommand("""
                select count(*) from registry.duplicate_candidate c
                  join registry.worker w on w.id in (c.worker_id, c.other_worker_id)
                 where w.nik = $1 and c.reason = 'nik_one_digit_apart'
                """);
            cmd.Parameters.AddWithValue(nik);
            var count = (long)(await cmd.ExecuteScalarAsync())!;
            if (count > 0 || DateTime.UtcNow > deadline)
            {
                return count;
            }

            await Task.Delay(200);
        }
    }

    private static ImportRowBuilder OneYearDigitApart(ImportRowBuilder twin, NikGenerator niks)
    {
        var yearDigit = twin.Nik[11] - '0';
        var shifted = yearDigit == 9 ? -1 : 1;
        var birth = DateOnly.ParseExact(twin["Tanggal Lahir"]!, "yyyy-MM-dd").AddYears(shifted);
        return ImportRowBuilder.Valid(niks, "18.01.06.2002", name: twin["Nama Lengkap"])
            .With("NIK", twin.Nik[..11] + (char)('0' + yearDigit + shifted) + twin.Nik[12..])
            .With("Tanggal Lahir", birth.ToString("yyyy-MM-dd"))
            .With("Jenis Kelamin", twin["Jenis Kelamin"]);
    }

    [Fact]
    public async Task ImportWorkers_OfSomethingThatIsNotASpreadsheet_FailsWithTheCodeAndImportsNothing()
    {
        var db = await TestDatabase.GetAsync();
        var file = Path.Combine(Path.GetTempPath(), $"bukan-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x00, 0x01, 0x02]);

        var run = await CliRun.RunAsync("import", "workers", file, "--db", db.ConnectionString);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("import.", run.Error);
        File.Delete(file);
    }
}
