using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payung.Access;
using Payung.Infrastructure;
using Payung.Infrastructure.Jobs;
using Payung.Registry;
using Payung.Infrastructure.Spreadsheets;
using Payung.Registry.ImportWorkers;
using Payung.Registry.ReviewDuplicates;
using Payung.Shared;
using Payung.Tests.Access;
using Payung.Tests.Registry.Workers;

namespace Payung.Tests.Registry.Import;

/// <summary>
/// The duplicate scan that follows an import: enqueued with the import's commit, run by the host's worker (or
/// here, in-process, to rerun or resume it), raising review-queue candidates for the created and updated workers.
/// Birth dates are in 1958, outside the ranges the NIK generators draw from, so the hand-made NIKs collide with none.
/// </summary>
public sealed class DuplicateScanTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private const string Village = "18.01.06.2001"; // Jondong, Kalianda, Lampung Selatan
    private const string District = "18.01.06";

    [Fact]
    public async Task Import_OfAWorkerWithTheKkAndNameOfAnExistingOne_RaisesASameKkNameCandidate_Once()
    {
        var name = TestNik.UniqueName("Ratna");
        var kk = TestNik.For(District, new DateOnly(1958, 1, 30), Sex.Male);
        var existing = Row(TestNik.For(District, new DateOnly(1958, 2, 3), Sex.Female), new DateOnly(1958, 2, 3), Sex.Female, name, kk);
        var newcomer = Row(TestNik.For(District, new DateOnly(1958, 9, 21), Sex.Female), new DateOnly(1958, 9, 21), Sex.Female, name, kk);
        var client = await AdminAsync();
        var first = await ImportApi.ImportAsync(client, ImportFiles.Csv([existing]), "kk-lama.csv");
        Assert.Equal(0L, (await WaitForScanAsync(client, first.Id)).Candidates); // the newcomer is not there yet

        var second = await ImportApi.ImportAsync(client, ImportFiles.Csv([newcomer]), "kk-baru.csv");
        var scan = await WaitForScanAsync(client, second.Id);

        Assert.Equal(1, second.Counts!.Created);
        Assert.Equal<(string, long?)>(("succeeded", 1), (scan.Status, scan.Candidates));
        var existingId = await WorkerIdAsync(client, first.Id);
        var newcomerId = await WorkerIdAsync(client, second.Id);
        var candidate = Assert.Single(await OpenCandidatesAsync(client, newcomerId));
        Assert.Equal(FindDuplicates.SameKkName, candidate.Reason);
        Assert.Equal(new[] { existingId, newcomerId }.Order().ToArray(), new[] { candidate.Worker.Id, candidate.OtherWorker.Id }.Order().ToArray());
        var page = await client.GetStringAsync($"/impor/{second.Id}");
        Assert.Contains("data-testid=\"duplicate-scan\" data-status=\"succeeded\"", page);
        Assert.Contains("Pemeriksaan duplikat: <strong>Selesai, 1 kandidat</strong>", page);

        var rerun = await RunScanAsync(second.Id);
        var again = await ImportApi.ImportAsync(client, ImportFiles.Csv([newcomer]), "kk-baru.csv");

        Assert.Equal((JobState.Succeeded, 0L), rerun);
        Assert.Equal(1, again.Counts!.Unchanged);
        Assert.Null(again.DuplicateScan); // nothing created or updated: nothing to scan
        Assert.Single(await OpenCandidatesAsync(client, newcomerId));
    }

    [Fact]
    public async Task Import_OfTwoNewWorkersWithTheSameNameAndNiksOneDigitApart_RaisesANikOneDigitApartCandidate()
    {
        var name = TestNik.UniqueName("Bambang");
        var nik = TestNik.For(District, new DateOnly(1958, 6, 12), Sex.Male);
        var typo = TestNik.WithDigit(nik, 8, '3'); // born on the 13th: another birth date, so the import holds neither back
        var client = await AdminAsync();

        var import = await ImportApi.ImportAsync(client, ImportFiles.Csv([
            Row(nik, new DateOnly(1958, 6, 12), Sex.Male, name, null),
            Row(typo, new DateOnly(1958, 6, 13), Sex.Male, name, null)]), "nik-mirip.csv");
        var scan = await WaitForScanAsync(client, import.Id);

        Assert.Equal(2, import.Counts!.Created);
        Assert.Equal<(string, long?)>(("succeeded", 1), (scan.Status, scan.Candidates));
        var ids = (await ImportApi.RowsAsync(client, import.Id, "created")).Items.Select(r => r.WorkerId!.Value).Order().ToArray();
        var candidate = Assert.Single(await OpenCandidatesAsync(client, ids[0]));
        Assert.Equal(FindDuplicates.NikOneDigitApart, candidate.Reason);
        Assert.Equal(8, candidate.Evidence.GetProperty("nikDigitPosition").GetInt32());
        Assert.Equal(ids, new[] { candidate.Worker.Id, candidate.OtherWorker.Id }.Order().ToArray());
    }

    [Fact]
    public async Task Scan_ResumingAfterARow_ScansOnlyTheRowsAfterIt()
    {
        var name = TestNik.UniqueName("Sri");
        var kk = TestNik.For(District, new DateOnly(1958, 3, 30), Sex.Male);
        var filler = ImportRowBuilder.Valid(new NikGenerator(401), Village);
        var worker = Row(TestNik.For(District, new DateOnly(1958, 3, 4), Sex.Female), new DateOnly(1958, 3, 4), Sex.Female, name, kk);
        var client = await AdminAsync();
        var import = await ImportApi.ImportAsync(client, ImportFiles.Csv([filler, worker]), "lanjut.csv"); // rows 2 and 3
        Assert.Equal(0L, (await WaitForScanAsync(client, import.Id)).Candidates);
        // Another worker with the same KK and name appears without a scan of its own, as if from before the rules.
        var workerId = await ScalarAsync<Guid>("select worker_id from registry.worker_import_row where job_id = $1 and row_no = 3", import.Id);
        await CopyWorkerAsync(workerId, TestNik.For(District, new DateOnly(1958, 10, 25), Sex.Female), new DateOnly(1958, 10, 25));

        var afterLastRow = await RunScanAsync(import.Id, resumeAfterRow: 3);
        var afterFirstRow = await RunScanAsync(import.Id, resumeAfterRow: 2);

        Assert.Equal((JobState.Succeeded, 0L), afterLastRow);
        Assert.Equal((JobState.Succeeded, 1L), afterFirstRow);
        Assert.Equal(FindDuplicates.SameKkName, Assert.Single(await OpenCandidatesAsync(client, workerId)).Reason);
    }

    [Fact]
    public async Task Import_ThatFailsAfterItsMerge_LeavesNoScan()
    {
        var nik = new NikGenerator(402);
        var rows = Enumerable.Range(0, 3).Select(_ => ImportRowBuilder.Valid(nik, Village)).ToList();
        var path = Path.Combine(Path.GetTempPath(), AccessTestKit.Unique("scan-fail") + ".csv");
        await File.WriteAllBytesAsync(path, ImportFiles.Csv(rows));
        var owner = "test:" + AccessTestKit.Unique("scan-fail");
        Guid jobId;
        using (var scope = factory.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<CallerContext>().Scope = CallerScope.System("test");
            (jobId, _) = await scope.ServiceProvider.GetRequiredService<StartWorkerImport>().LocalFileAsync(path, null, ImportLimits.Cli, owner, default);
        }

        var runner = factory.Services.GetRequiredService<JobRunner>();
        var queue = factory.Services.GetRequiredService<JobQueue>();
        using var kill = new CancellationTokenSource();
        var stages = new List<string>();
        // Killed once the scan has been enqueued in the merge's transaction, before the commit.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(jobId, owner, p =>
        {
            stages.Add(p.Stage);
            if (p.Stage == ImportWorkersJob.StageFinishing)
            {
                kill.Cancel();
            }
        }, kill.Token));
        var failed = await queue.FailAsync(jobId, owner, "test.failed", "Gagal untuk uji.", permanent: true, default);
        File.Delete(path);

        Assert.Contains(ImportWorkersJob.StageFinishing, stages);
        Assert.Equal(JobState.Failed, failed);
        Assert.Equal(0L, await ScalarAsync<long>("""
            select count(*) from jobs.job where kind = $1 and payload -> 'data' ->> 'importId' = $2
            """, ScanImportedDuplicatesJob.JobKind, jobId.ToString()));
        var status = (await (await AdminAsync()).GetFromJsonAsync<WorkerImportStatus>($"/api/v1/imports/{jobId}", ImportApi.Json))!;
        Assert.Equal("failed", status.Status);
        Assert.Null(status.DuplicateScan);
    }

    private static ImportRowBuilder Row(string nik, DateOnly birth, Sex sex, string name, string? kk)
    {
        var row = ImportRowBuilder.Valid(new NikGenerator(400), Village, name);
        row["NIK"] = nik;
        row["No KK"] = kk;
        row["Tanggal Lahir"] = birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        row["Jenis Kelamin"] = sex == Sex.Female ? "P" : "L";
        return row;
    }

    private static async Task<ImportDuplicateScan> WaitForScanAsync(HttpClient client, Guid importId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var status = (await client.GetFromJsonAsync<WorkerImportStatus>($"/api/v1/imports/{importId}", ImportApi.Json))!;
            Assert.Equal("succeeded", status.Status);
            var scan = status.DuplicateScan;
            Assert.NotNull(scan);
            if (scan.Finished)
            {
                return scan;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The duplicate scan {scan.JobId} of import {importId} still {scan.Status} after 90 s.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>A scan of the import run here rather than by the worker, optionally as if resumed after a row.</summary>
    private async Task<(JobState State, long Candidates)> RunScanAsync(Guid importId, long resumeAfterRow = 0)
    {
        var queue = factory.Services.GetRequiredService<JobQueue>();
        var owner = "test:" + AccessTestKit.Unique("scan");
        var id = await queue.EnqueueAsync(ScanImportedDuplicatesJob.Request(importId, CallerScope.System("test")) with { LeaseOwner = owner });
        if (resumeAfterRow > 0)
        {
            await queue.ReportAsync(id, owner, ScanImportedDuplicatesJob.StageScanning, resumeAfterRow, null, default);
        }

        var state = await factory.Services.GetRequiredService<JobRunner>().RunAsync(id, owner, null, CancellationToken.None);
        var result = (await queue.FindAsync(id, default))!.Result;
        return (state, result?.GetProperty("candidates").GetInt64() ?? -1);
    }

    private static async Task<IReadOnlyList<DuplicateCandidateResponse>> OpenCandidatesAsync(HttpClient client, Guid workerId) =>
        (await client.GetFromJsonAsync<Paged<DuplicateCandidateResponse>>(
            $"/api/v1/workers/duplicates?status=open&workerId={workerId}", ImportApi.Json))!.Items;

    private static async Task<Guid> WorkerIdAsync(HttpClient client, Guid importId) =>
        Assert.Single((await ImportApi.RowsAsync(client, importId, "created")).Items).WorkerId!.Value;

    private async Task CopyWorkerAsync(Guid workerId, string nik, DateOnly birthDate)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand("""
            insert into registry.worker (id, nik, kk, full_name, birth_place, birth_date, sex, village_code, address, rt, rw,
                                         phone, occupation_code, monthly_income, dtsen_decile, status, created_at, updated_at)
            select $2, $3, kk, full_name, birth_place, $4, sex, village_code, address, rt, rw,
                   phone, occupation_code, monthly_income, dtsen_decile, status, created_at, updated_at
              from registry.worker where id = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workerId });
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = nik });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = birthDate });
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
    }

    private async Task<HttpClient> AdminAsync() =>
        await AccessTestKit.SignedInClientAsync(factory, await AccessTestKit.CreateUserAsync(factory, Role.NationalAdmin, null));

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
