using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using Payung.Infrastructure.Jobs;
using Payung.Shared;

namespace Payung.Registry.ImportWorkers;

/// <summary>
/// Puts the likely duplicates of the workers an import created or updated in the review queue
/// (<see cref="FindDuplicates"/>), as a follow-up job that the import enqueues in the transaction that commits
/// its merge. Not done inside that transaction on purpose: the NIK rule alone is 144 index lookups per worker,
/// which would multiply how long a million-row merge holds its locks, and candidates are derived data that may
/// follow a moment later. The import's rows are read by row number in batches of <see cref="BatchSize"/>, each
/// scanned and committed in its own transaction; the job's progress is the last row number done, so a scan
/// restarted after a crash goes on after it. Redoing a batch is harmless: a pair already raised for a rule is
/// not raised again. Acts as the import's creator, whose name the candidates' audit rows carry.
/// </summary>
public sealed class ScanImportedDuplicatesJob(
    NpgsqlDataSource dataSource,
    JobQueue queue,
    TimeProvider clock,
    ILogger<ScanImportedDuplicatesJob> logger) : IJobHandler
{
    public const string JobKind = "registry.scan_duplicates";

    public const string StageScanning = "scanning";

    internal const int BatchSize = 5_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => JobKind;

    /// <summary>The scan of one import, acting as <paramref name="caller"/> (the import's creator).</summary>
    internal static JobRequest Request(Guid importId, CallerScope caller) =>
        new(JobKind, JsonSerializer.SerializeToElement(new ScanImportedDuplicatesData(importId), Json), caller);

    public async Task RunAsync(JobContext context, CancellationToken ct)
    {
        var importId = context.ReadData<ScanImportedDuplicatesData>().ImportId;
        // Written only after a batch committed (and at most about once a second), so it may lag behind the
        // work done, never run ahead of it. Zero on a first run.
        var resumeAfter = (int)((await queue.FindAsync(context.JobId, ct))?.Progress ?? 0);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var lastRow = await LastRowAsync(conn, importId, ct);
        await context.ReportAsync(StageScanning, resumeAfter, lastRow, ct);

        var after = resumeAfter;
        long candidates = 0;
        while (true)
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            var (workerIds, batchEnd) = await ReadBatchAsync(conn, tx, importId, after, ct);
            candidates += await FindDuplicates.ExecuteAsync(conn, tx, context.Caller, workerIds, clock.GetUtcNow(), ct);
            if (workerIds.Count < BatchSize)
            {
                // After a restart only the candidates of this run are counted: the earlier ones are in the queue,
                // but nothing recorded how many there were.
                await context.CompleteAsync(conn, tx,
                    new ScanImportedDuplicatesResult(importId, candidates, resumeAfter > 0 ? resumeAfter : null), ct);
                await tx.CommitAsync(ct);
                logger.LogInformation("Duplicate scan {JobId} of import {ImportId}: {Candidates} new candidates",
                    context.JobId, importId, candidates);
                return;
            }

            await tx.CommitAsync(ct);
            after = batchEnd;
            await context.ReportAsync(StageScanning, after, lastRow, ct);
        }
    }

    /// <summary>The highest row number to scan: the progress bar's end, in the same unit as the progress.</summary>
    private static async Task<long?> LastRowAsync(NpgsqlConnection conn, Guid importId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            select max(row_no) from registry.worker_import_row
             where job_id = $1 and verdict in ('created', 'updated')
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = importId });
        return await cmd.ExecuteScalarAsync(ct) is int row ? row : null;
    }

    /// <summary>
    /// The workers of the next rows after <paramref name="afterRow"/> that the import created or updated (an
    /// unchanged worker's candidates were looked for when it last changed), and the last of those rows.
    /// </summary>
    private static async Task<(List<Guid> WorkerIds, int LastRow)> ReadBatchAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        Guid importId, int afterRow, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            select row_no, worker_id from registry.worker_import_row
             where job_id = $1 and row_no > $2 and verdict in ('created', 'updated')
             order by row_no
             limit $3
            """, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = importId });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = afterRow });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = BatchSize });
        var ids = new List<Guid>(BatchSize);
        var last = afterRow;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            last = reader.GetInt32(0);
            ids.Add(reader.GetGuid(1));
        }

        return (ids, last);
    }
}

/// <summary>The data of a duplicate scan: the import (its job id) whose workers are scanned.</summary>
internal sealed record ScanImportedDuplicatesData(Guid ImportId);

/// <summary>
/// How a duplicate scan ended: the candidates it put in the queue, and the row it resumed after when an earlier
/// run was interrupted (the candidates of that run are not in the count).
/// </summary>
internal sealed record ScanImportedDuplicatesResult(Guid ImportId, long Candidates, int? ResumedAfterRow);
