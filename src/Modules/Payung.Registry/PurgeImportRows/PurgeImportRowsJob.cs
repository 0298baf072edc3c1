using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using Payung.Infrastructure;
using Payung.Infrastructure.Jobs;
using Payung.Shared;

namespace Payung.Registry.PurgeImportRows;

internal sealed record PurgeImportRowsResult(long RowsDeleted, int KeepDays);

/// <summary>
/// Keeps personal data no longer than it serves: an import's per-row verdicts (NIK, name and the reasons) are
/// deleted <c>PAYUNG_IMPORT_ROWS_KEEP_DAYS</c> (default 90) days after the import finished. The import itself, its
/// counts and the workers it registered stay; the results page then says the row details have been removed.
/// One statement and one audit row per run; running it again deletes nothing more.
/// </summary>
internal sealed class PurgeImportRowsJob(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider clock,
    ILogger<PurgeImportRowsJob> logger) : IJobHandler
{
    public const string JobKind = "registry.purge_import_rows";

    public const int DefaultKeepDays = 90;

    public string Kind => JobKind;

    public static JobRequest Request(CallerScope caller) => new(JobKind, JsonSerializer.SerializeToElement(new { }), caller);

    public int KeepDays => int.TryParse(configuration["PAYUNG_IMPORT_ROWS_KEEP_DAYS"], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
                           && d is >= 1 and <= 3650
        ? d
        : DefaultKeepDays;

    public async Task RunAsync(JobContext context, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        long deleted;
        await using (var cmd = new NpgsqlCommand("""
            delete from registry.worker_import_row r
             using jobs.job j
             where j.id = r.job_id and j.finished_at < $1
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow().AddDays(-KeepDays) });
            deleted = await cmd.ExecuteNonQueryAsync(ct);
        }

        if (deleted > 0)
        {
            await AuditWriter.WriteAsync(conn, tx, context.Caller,
                [new AuditRecord("delete", "worker_import_rows", context.JobId.ToString(), null, null,
                    JsonSerializer.Serialize(new { rowsDeleted = deleted, keepDays = KeepDays }))], ct);
        }

        await context.CompleteAsync(conn, tx, new PurgeImportRowsResult(deleted, KeepDays), ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Import rows older than {Days} days purged: {Rows}", KeepDays, deleted);
    }
}

/// <summary>Queues the purge daily (<c>PAYUNG_IMPORT_PURGE_INTERVAL_MINUTES</c>, default 1440; 0 turns it off).</summary>
internal sealed class PurgeImportRowsScheduler(NpgsqlDataSource dataSource, JobQueue queue, IConfiguration configuration,
    ILogger<PurgeImportRowsScheduler> logger) : RecurringJobScheduler(dataSource, queue, configuration, logger)
{
    protected override string JobKind => PurgeImportRowsJob.JobKind;

    protected override string IntervalSetting => "PAYUNG_IMPORT_PURGE_INTERVAL_MINUTES";

    protected override int DefaultMinutes => 1440;

    protected override TimeSpan FirstDelay => TimeSpan.FromMinutes(2);

    protected override JobRequest NewRequest() => PurgeImportRowsJob.Request(CallerScope.System("penghapusan rincian impor"));
}
