using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Payung.Shared;

namespace Payung.Infrastructure.Jobs;

/// <summary>
/// A table of per-row import details (NIK, name, reasons) that a module registers for purging: rows whose import job
/// finished before the cut-off are deleted. <paramref name="Table"/> must have a <c>job_id</c> column naming the job.
/// </summary>
public sealed record ImportDetailTable(string Table);

internal sealed record PurgeImportDetailsResult(IReadOnlyDictionary<string, long> RowsDeleted, int KeepDays);

/// <summary>
/// Keeps personal data no longer than it serves: the per-row details of every registered import table are deleted
/// <c>PAYUNG_IMPORT_ROWS_KEEP_DAYS</c> (default 90) days after their import finished. The imports, their counts and
/// what they registered stay. One statement per table, one transaction and one audit row per run; running it again
/// deletes nothing more. Queued daily by <see cref="PurgeImportDetailsScheduler"/>.
/// </summary>
public sealed class PurgeImportDetailsJob(NpgsqlDataSource dataSource, IEnumerable<ImportDetailTable> tables, IConfiguration configuration,
    TimeProvider clock, ILogger<PurgeImportDetailsJob> logger) : IJobHandler
{
    public const string JobKind = "imports.purge_details";

    public const int DefaultKeepDays = 90;

    public string Kind => JobKind;

    public static JobRequest Request(CallerScope caller) => new(JobKind, JsonSerializer.SerializeToElement(new { }), caller);

    private int KeepDays => int.TryParse(configuration["PAYUNG_IMPORT_ROWS_KEEP_DAYS"], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
                            && d is >= 1 and <= 3650
        ? d
        : DefaultKeepDays;

    public async Task RunAsync(JobContext context, CancellationToken ct)
    {
        var keepDays = KeepDays;
        var cutOff = clock.GetUtcNow().AddDays(-keepDays);
        var deleted = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        foreach (var table in tables.DistinctBy(t => t.Table))
        {
            // The table name comes from code (module registrations), never from input.
            await using var cmd = new NpgsqlCommand(
                $"delete from {table.Table} r using jobs.job j where j.id = r.job_id and j.finished_at < $1", conn, tx);
            cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = cutOff });
            deleted[table.Table] = await cmd.ExecuteNonQueryAsync(ct);
        }

        if (deleted.Values.Any(n => n > 0))
        {
            await AuditWriter.WriteAsync(conn, tx, context.Caller,
                [new AuditRecord("delete", "import_details", context.JobId.ToString(), null, null,
                    JsonSerializer.Serialize(new { rowsDeleted = deleted, keepDays }))], ct);
        }

        await context.CompleteAsync(conn, tx, new PurgeImportDetailsResult(deleted, keepDays), ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Import details older than {Days} days purged: {Rows}", keepDays, string.Join(", ", deleted.Select(d => $"{d.Key} {d.Value}")));
    }
}

/// <summary>Queues the purge daily (<c>PAYUNG_IMPORT_PURGE_INTERVAL_MINUTES</c>, default 1440; 0 turns it off).</summary>
internal sealed class PurgeImportDetailsScheduler(NpgsqlDataSource dataSource, JobQueue queue, IConfiguration configuration,
    ILogger<PurgeImportDetailsScheduler> logger) : RecurringJobScheduler(dataSource, queue, configuration, logger)
{
    protected override string JobKind => PurgeImportDetailsJob.JobKind;

    protected override string IntervalSetting => "PAYUNG_IMPORT_PURGE_INTERVAL_MINUTES";

    protected override int DefaultMinutes => 1440;

    protected override TimeSpan FirstDelay => TimeSpan.FromMinutes(2);

    protected override JobRequest NewRequest() => PurgeImportDetailsJob.Request(CallerScope.System("penghapusan rincian impor"));
}

public static class PurgeImportDetailsServices
{
    /// <summary>Registers <paramref name="table"/> for the purge, and the purge job itself (once).</summary>
    public static IServiceCollection AddImportDetailTable(this IServiceCollection services, string table)
    {
        services.AddSingleton(new ImportDetailTable(table));
        if (!services.Any(d => d.ServiceType == typeof(JobHandlerRegistration)
                               && d.ImplementationInstance is JobHandlerRegistration r && r.Kind == PurgeImportDetailsJob.JobKind))
        {
            services.AddJobHandler<PurgeImportDetailsJob>(PurgeImportDetailsJob.JobKind);
        }

        return services;
    }

    /// <summary>The daily schedule of the purge (web host only).</summary>
    public static IServiceCollection AddImportDetailsPurgeSchedule(this IServiceCollection services)
    {
        services.AddHostedService<PurgeImportDetailsScheduler>();
        return services;
    }
}
