using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payung.Infrastructure.Jobs;
using Payung.Shared;

namespace Payung.Tests.Registry.Import;

/// <summary>Old imports (workers and statements) lose their per-row details (NIK, name) after the retention period; recent ones keep them.</summary>
public sealed class PurgeImportDetailsTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private async Task<Guid> FinishedImportAsync(int daysAgo, string table = "registry.worker_import_row")
    {
        var id = Guid.CreateVersion7();
        await using var batch = factory.Database.DataSource.CreateBatch();
        var job = new NpgsqlBatchCommand("""
            insert into jobs.job (id, kind, status, created_by_name, created_at, finished_at)
            values ($1, 'registry.import_workers', 'succeeded', 'uji', now() - make_interval(days => $2 + 1), now() - make_interval(days => $2))
            """);
        job.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        job.Parameters.Add(new NpgsqlParameter<int> { TypedValue = daysAgo });
        var rows = new NpgsqlBatchCommand($"""
            insert into {table} (job_id, row_no, verdict, nik)
            select $1, g, 'rejected', '1801060505850001' from generate_series(1, 3) g
            """);
        rows.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        batch.BatchCommands.Add(job);
        batch.BatchCommands.Add(rows);
        await batch.ExecuteNonQueryAsync();
        return id;
    }

    private async Task<long> RowsOfAsync(Guid importId, string table = "registry.worker_import_row")
    {
        await using var cmd = factory.Database.DataSource.CreateCommand($"select count(*) from {table} where job_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = importId });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Purge_DeletesTheRowsOfImportsFinishedLongAgo_AndKeepsRecentOnes()
    {
        var old = await FinishedImportAsync(PurgeImportDetailsJob.DefaultKeepDays + 5);
        var recent = await FinishedImportAsync(3);
        var oldStatement = await FinishedImportAsync(PurgeImportDetailsJob.DefaultKeepDays + 1, "billing.statement_row");

        var queue = factory.Services.GetRequiredService<JobQueue>();
        var jobId = await queue.EnqueueAsync(PurgeImportDetailsJob.Request(CallerScope.System("uji")));
        JobStatus? status;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(100);
            status = await queue.FindAsync(jobId, CancellationToken.None);
        }
        while (status?.State is not (JobState.Succeeded or JobState.Failed) && DateTime.UtcNow < deadline);

        Assert.Equal(JobState.Succeeded, status!.State);
        Assert.Equal(0, await RowsOfAsync(old));
        Assert.Equal(3, await RowsOfAsync(recent));
        Assert.Equal(0, await RowsOfAsync(oldStatement, "billing.statement_row"));
    }
}
