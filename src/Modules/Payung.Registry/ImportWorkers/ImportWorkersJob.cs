using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Payung.Infrastructure;
using Payung.Infrastructure.Jobs;
using Payung.Shared;

namespace Payung.Registry.ImportWorkers;

/// <summary>
/// Runs a worker import: streams the file into a temporary staging table with binary COPY, then in ONE
/// transaction validates and merges every row (<see cref="MergeStagedWorkers"/>), writes one audit entry
/// for the import, enqueues the duplicate scan of the workers it created or updated
/// (<see cref="ScanImportedDuplicatesJob"/>) and marks the job succeeded. Killed anywhere before that commit, the
/// registry is exactly as before, no scan exists, and the next attempt starts again from the file; the staging
/// table dies with the connection.
/// </summary>
public sealed class ImportWorkersJob(
    NpgsqlDataSource dataSource,
    JobQueue queue,
    BusinessCalendar calendar,
    TimeProvider clock,
    ILogger<ImportWorkersJob> logger) : IJobHandler
{
    public const string JobKind = "registry.import_workers";

    public const string StageReading = "reading";
    public const string StageValidating = "validating";
    public const string StageFinishing = "finishing";

    /// <summary>
    /// The job result's property naming the duplicate scan job, beside the <see cref="ImportCounts"/> properties
    /// (which the CLI and <see cref="GetWorkerImport"/> read as they are); absent when nothing was created or updated.
    /// </summary>
    public const string DuplicateScanJobIdProperty = "duplicateScanJobId";

    private const int MaxMergeAttempts = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => JobKind;

    public async Task RunAsync(JobContext context, CancellationToken ct)
    {
        var data = context.ReadData<ImportJobData>();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await context.ReportAsync(StageReading, 0, data.Rows, ct);
            var rows = await StageAsync(conn, context, data, ct);
            await ExecuteAsync(conn, null, "analyze pg_temp.import_staging", ct);
            await MergeAsync(conn, context, data, rows, ct);
        }
        catch (ImportRefusedException e)
        {
            await ForgetUploadAsync(context.JobId);
            throw new JobFailedException(e.Code, e.Detail is null ? e.Message : $"{e.Message} {e.Detail}", e);
        }
        finally
        {
            await DropStagingAsync(conn, context.JobId);
        }
    }

    private async Task DropStagingAsync(NpgsqlConnection conn, Guid jobId)
    {
        if (conn.State != System.Data.ConnectionState.Open)
        {
            return; // a broken connection is closed, and its temporary table with it
        }

        try
        {
            await ExecuteAsync(conn, null, "drop table if exists pg_temp.import_staging", CancellationToken.None);
        }
        catch (NpgsqlException e)
        {
            logger.LogWarning(e, "Could not drop the staging table of import {JobId}; it goes with the connection", jobId);
        }
    }

    private async Task<int> StageAsync(NpgsqlConnection conn, JobContext context, ImportJobData data, CancellationToken ct)
    {
        await using var file = await OpenSourceAsync(context.JobId, data, ct);
        using var reader = ImportRowReader.Open(data.Format, file, data.Limits, data.DefaultVillage is not null);
        await ExecuteAsync(conn, null, MergeStagedWorkers.CreateStagingSql, ct);
        await using var copy = await conn.BeginBinaryImportAsync(MergeStagedWorkers.CopySql, ct);
        // Synchronous writes on purpose: a row is 28 values, and an awaited call per value costs more than the
        // parsing. The importer buffers; only a full buffer blocks this (background) thread on the socket.
        while (reader.Read())
        {
            ct.ThrowIfCancellationRequested();
            var row = reader.Current;
            copy.StartRow();
            copy.Write(row.RowNumber, NpgsqlDbType.Integer);
            foreach (var text in row.Text)
            {
                Write(copy, text, NpgsqlDbType.Text);
            }

            Write(copy, row.BirthDate, NpgsqlDbType.Date);
            Write(copy, row.DeathDate, NpgsqlDbType.Date);
            Write(copy, row.Sex, NpgsqlDbType.Text);
            Write(copy, row.Village(data.DefaultVillage), NpgsqlDbType.Text);
            Write(copy, row.Phone, NpgsqlDbType.Text);
            Write(copy, row.Income, NpgsqlDbType.Bigint);
            Write(copy, row.Decile, NpgsqlDbType.Smallint);
            Write(copy, row.Status, NpgsqlDbType.Text);
            Write(copy, row.NikRegency, NpgsqlDbType.Text);
            Write(copy, row.NikDistrict, NpgsqlDbType.Text);
            copy.Write(row.Flags.Count == 0 ? NoFlags : row.Flags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            if (reader.Rows % 1000 == 0)
            {
                await context.ReportAsync(StageReading, reader.Rows, data.Rows ?? Estimate(reader), ct);
            }
        }

        await copy.CompleteAsync(ct);
        if (reader.Rows == 0)
        {
            throw ImportRefusedException.Empty();
        }

        await context.ReportAsync(StageReading, reader.Rows, reader.Rows, ct);
        return reader.Rows;
    }

    /// <summary>Rows expected in the whole file, from the share of it read so far (the CLI does not count first).</summary>
    private static long? Estimate(ImportRowReader reader) =>
        reader.Position > 0 && reader.Length > 0 ? Math.Max(reader.Rows, reader.Rows * reader.Length / reader.Position) : null;

    private static readonly string[] NoFlags = [];

    private static void Write<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, type);
        }
    }

    private async Task MergeAsync(NpgsqlConnection conn, JobContext context, ImportJobData data, int rows, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await context.ReportAsync(StageValidating, rows, rows, ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            // JIT compiles this one big statement for seconds and gains less than that; sorts for the
            // in-file duplicate checks stay in memory.
            await ExecuteAsync(conn, tx, "set local jit = off; set local work_mem = '256MB'", ct);
            MergeCounts counts;
            try
            {
                counts = await MergeStagedWorkers.ExecuteAsync(conn, tx, context.JobId, calendar.Today(),
                    context.Caller, clock.GetUtcNow(), ct);
            }
            catch (PostgresException e) when (attempt < MaxMergeAttempts
                                              && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                logger.LogWarning("Import {JobId}: {SqlState} while merging, trying again", context.JobId, e.SqlState);
                await tx.RollbackAsync(ct);
                continue;
            }

            if (!counts.Consistent)
            {
                // Someone registered or edited some of the same NIKs while the verdicts were computed.
                await tx.RollbackAsync(ct);
                if (attempt >= MaxMergeAttempts)
                {
                    throw new InvalidOperationException("The registry kept changing under the import; it will be retried.");
                }

                logger.LogInformation("Import {JobId}: concurrent changes to the same NIKs, merging again", context.JobId);
                continue;
            }

            // In this transaction, so the scan exists if and only if the import commits.
            Guid? scanJobId = counts.Created + counts.Updated > 0
                ? await queue.EnqueueAsync(ScanImportedDuplicatesJob.Request(context.JobId, context.Caller), conn, tx, ct)
                : null;
            await context.ReportAsync(StageFinishing, rows, rows, ct);
            // The last point where an interruption (shutdown, Ctrl+C, a test's simulated kill) can still
            // undo everything: nothing of the merge is visible until the commit below.
            ct.ThrowIfCancellationRequested();
            var result = new ImportCounts(counts.Created, counts.Updated, counts.Unchanged, counts.Rejected, counts.NeedsReview,
                counts.Warnings, counts.Total);
            await ExecuteAsync(conn, tx, "delete from registry.worker_import_file where job_id = $1", ct, context.JobId);
            await AuditAsync(conn, tx, context, data, result, ct);
            await context.CompleteAsync(conn, tx, Result(result, scanJobId), ct);
            await tx.CommitAsync(ct);
            logger.LogInformation(
                "Import {JobId} of {Rows} rows: {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected, {Review} to review",
                context.JobId, rows, counts.Created, counts.Updated, counts.Unchanged, counts.Rejected, counts.NeedsReview);
            return;
        }
    }

    private static JsonObject Result(ImportCounts counts, Guid? scanJobId)
    {
        var result = JsonSerializer.SerializeToNode(counts, Json)!.AsObject();
        if (scanJobId is { } id)
        {
            result[DuplicateScanJobIdProperty] = id;
        }

        return result;
    }

    private static async Task AuditAsync(NpgsqlConnection conn, NpgsqlTransaction tx, JobContext context, ImportJobData data,
        ImportCounts counts, CancellationToken ct)
    {
        string? sha = null;
        long size = 0;
        string? region = null;
        await using (var cmd = new NpgsqlCommand(
            "select file_sha256, file_size, coalesce(region_code, regency_code) from registry.worker_import where job_id = $1", conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = context.JobId });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                sha = reader.GetString(0);
                size = reader.GetInt64(1);
                region = reader.IsDBNull(2) ? null : reader.GetString(2);
            }
        }

        var after = JsonSerializer.Serialize(new
        {
            fileName = data.FileName,
            fileSha256 = sha,
            fileSize = size,
            format = data.Format == ImportFormat.Xlsx ? "xlsx" : "csv",
            defaultVillage = data.DefaultVillage,
            counts,
        }, Json);
        await AuditWriter.WriteAsync(conn, tx, context.Caller,
            [new AuditRecord("create", "worker_import", context.JobId.ToString(), region, null, after)], ct);
    }

    private async Task<Stream> OpenSourceAsync(Guid jobId, ImportJobData data, CancellationToken ct)
    {
        if (data.Path is { } path)
        {
            try
            {
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new JobFailedException("import.file_missing", $"Berkas {data.FileName} tidak dapat dibaca lagi: {e.Message}", e);
            }
        }

        await using var cmd = dataSource.CreateCommand("select content from registry.worker_import_file where job_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = jobId });
        return await cmd.ExecuteScalarAsync(ct) is byte[] content
            ? new MemoryStream(content, writable: false)
            : throw new JobFailedException("import.file_missing", "Berkas unggahan untuk impor ini tidak ada lagi.");
    }

    /// <summary>A refused file will not be read again: the upload goes, the job's row stays.</summary>
    private async Task ForgetUploadAsync(Guid jobId)
    {
        try
        {
            await using var cmd = dataSource.CreateCommand("delete from registry.worker_import_file where job_id = $1");
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = jobId });
            await cmd.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException e)
        {
            logger.LogWarning(e, "Could not delete the upload of refused import {JobId}", jobId);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        foreach (var arg in args)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = arg });
        }

        await cmd.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>How an import ended, per verdict; <see cref="Warnings"/> counts imported rows with a NIK warning.</summary>
public sealed record ImportCounts(long Created, long Updated, long Unchanged, long Rejected, long NeedsReview, long Warnings, long Total);
