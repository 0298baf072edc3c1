using System.Text.Json;
using Npgsql;
using Payung.Infrastructure.Jobs;
using Payung.Infrastructure.Spreadsheets;

namespace Payung.Billing.ImportStatements;

/// <summary>The data of a statement import job; the limits travel with it so a retry judges the file the same way.</summary>
internal sealed record StatementJobData(string FileName, ImportFormat Format, int? Rows, long MaxBytes, int MaxRows, long MaxUnpackedBytes)
{
    public ImportLimits Limits => new(MaxBytes, MaxRows, MaxUnpackedBytes);
}

/// <summary>
/// Accepts a statement file for the caller: checks it (<see cref="SpreadsheetFile.Inspect"/> with the statement's
/// columns), then puts the job in the queue together with the file's description and bytes in one transaction. A
/// refused file throws <see cref="ImportRefusedException"/> and leaves no job and no row.
/// </summary>
internal sealed class StartStatementImport(NpgsqlDataSource dataSource, JobQueue queue, CallerContext caller, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Guid> UploadAsync(string fileName, byte[] content, ImportLimits limits, CancellationToken ct)
    {
        var info = SpreadsheetFile.Inspect(new MemoryStream(content, writable: false), limits,
            (format, stream) => StatementRowReader.Open(format, stream, limits), countRows: true);
        var name = ImportUpload.SafeName(fileName);
        var data = new StatementJobData(name, info.Format, info.Rows, limits.MaxBytes, limits.MaxRows, limits.MaxUnpackedBytes);
        var request = new JobRequest(ImportStatementJob.JobKind, JsonSerializer.SerializeToElement(data, Json), caller.Scope, info.Rows);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var id = await queue.EnqueueAsync(request, conn, tx, ct);
        await using (var cmd = new NpgsqlCommand("""
            insert into billing.statement_import (job_id, file_name, file_sha256, file_size, format, ignored_headers, regency_code, region_code, created_at)
            select id, $2, $3, $4, $5, $6, regency_code, region_code, $7 from jobs.job where id = $1
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = info.Sha256 });
            cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = info.Size });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = info.Format == ImportFormat.Xlsx ? "xlsx" : "csv" });
            cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = info.IgnoredHeaders.ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await using (var file = new NpgsqlCommand("insert into billing.statement_import_file (job_id, content) values ($1, $2)", conn, tx))
        {
            file.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            file.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = content });
            await file.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return id;
    }
}
