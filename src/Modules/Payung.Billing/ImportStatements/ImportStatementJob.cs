using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Payung.Infrastructure.Jobs;
using Payung.Infrastructure.Spreadsheets;
using Payung.Programs.Contracts;
using Payung.Shared;

namespace Payung.Billing.ImportStatements;

/// <summary>How a statement import ended, per verdict.</summary>
internal sealed record StatementImportCounts(long Created, long Updated, long Unchanged, long Rejected, long NeedsReview, long Total);

/// <summary>
/// Runs a statement import: streams the file into a temporary staging table with binary COPY, then in ONE transaction
/// validates and merges every row (<see cref="MergeStatement"/>), audits every updated ledger month or refund with its
/// before and after plus one entry for the import, and marks the job succeeded. Interrupted before that commit, the
/// ledger is exactly as before and the next attempt starts again from the file.
/// </summary>
internal sealed class ImportStatementJob(NpgsqlDataSource dataSource, SelfPaidContribution selfPaid, BusinessCalendar calendar,
    TimeProvider clock, ILogger<ImportStatementJob> logger) : IJobHandler
{
    public const string JobKind = "billing.import_statement";

    public const string StageReading = "reading";
    public const string StageValidating = "validating";
    public const string StageFinishing = "finishing";

    private const int MaxMergeAttempts = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => JobKind;

    public async Task RunAsync(JobContext context, CancellationToken ct)
    {
        var data = context.ReadData<StatementJobData>();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await context.ReportAsync(StageReading, 0, data.Rows, ct);
            var rows = await StageAsync(conn, context, data, ct);
            await ExecuteAsync(conn, null, "analyze pg_temp.statement_staging", ct);
            await FillDueAsync(conn, ct);
            await MergeAsync(conn, context, data, rows, ct);
        }
        catch (ImportRefusedException e)
        {
            await ExecuteAsync(conn, null, "delete from billing.statement_import_file where job_id = $1", CancellationToken.None, context.JobId);
            throw new JobFailedException(e.Code, e.Detail is null ? e.Message : $"{e.Message} {e.Detail}", e);
        }
        finally
        {
            if (conn.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(conn, null, "drop table if exists pg_temp.statement_staging; drop table if exists pg_temp.statement_due",
                    CancellationToken.None);
            }
        }
    }

    private static async Task<int> StageAsync(NpgsqlConnection conn, JobContext context, StatementJobData data, CancellationToken ct)
    {
        byte[] content;
        await using (var cmd = new NpgsqlCommand("select content from billing.statement_import_file where job_id = $1", conn))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = context.JobId });
            content = await cmd.ExecuteScalarAsync(ct) as byte[]
                ?? throw new JobFailedException("import.file_missing", "Berkas unggahan untuk impor ini tidak ada lagi.");
        }

        using var reader = StatementRowReader.Open(data.Format, new MemoryStream(content, writable: false), data.Limits);
        await ExecuteAsync(conn, null, MergeStatement.CreateStagingSql, ct);
        await using var copy = await conn.BeginBinaryImportAsync(MergeStatement.CopySql, ct);
        while (reader.Read())
        {
            ct.ThrowIfCancellationRequested();
            var row = reader.Current;
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(row.RowNumber, NpgsqlDbType.Integer, ct);
            foreach (var text in row.Text)
            {
                await WriteAsync(copy, text, NpgsqlDbType.Text, ct);
            }

            await WriteAsync(copy, row.Month, NpgsqlDbType.Date, ct);
            await WriteAsync(copy, row.Amount, NpgsqlDbType.Bigint, ct);
            await WriteAsync(copy, row.PaidOn, NpgsqlDbType.Date, ct);
            await WriteAsync(copy, row.Source, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(row.Flags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            if (reader.Rows % 1000 == 0)
            {
                await context.ReportAsync(StageReading, reader.Rows, data.Rows, ct);
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

    /// <summary>
    /// The rate tables' self-paid amount for every month the file names and every sector (a handful of cached
    /// calculations per month), so the set-based merge compares each payment with what the month costs that worker.
    /// </summary>
    private async Task FillDueAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await ExecuteAsync(conn, null, MergeStatement.CreateDueSql, ct);
        var months = new List<ContributionMonth>();
        await using (var cmd = new NpgsqlCommand("select distinct month from pg_temp.statement_staging where month is not null", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                months.Add(ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(0)));
            }
        }

        var due = new List<(DateOnly Month, string Sector, long Amount)>();
        foreach (var month in months)
        {
            foreach (var sector in SelfPaidContribution.Sectors.Append(null))
            {
                if (await selfPaid.QuoteAsync(month, sector, ct) is { } quote)
                {
                    due.Add((month.FirstDay, sector ?? "", quote.Total));
                }
            }
        }

        await using var copy = await conn.BeginBinaryImportAsync("copy pg_temp.statement_due (month, sector, amount_due) from stdin (format binary)", ct);
        foreach (var (month, sector, amount) in due)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(month, NpgsqlDbType.Date, ct);
            await copy.WriteAsync(sector, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(amount, NpgsqlDbType.Bigint, ct);
        }

        await copy.CompleteAsync(ct);
    }

    private static async Task WriteAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(ct);
        }
        else
        {
            await copy.WriteAsync(value, type, ct);
        }
    }

    private async Task MergeAsync(NpgsqlConnection conn, JobContext context, StatementJobData data, int rows, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await context.ReportAsync(StageValidating, rows, rows, ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            await ExecuteAsync(conn, tx, "set local jit = off", ct);
            StatementCounts counts;
            try
            {
                counts = await MergeStatement.ExecuteAsync(conn, tx, context.JobId, calendar.Today(), context.Caller, clock.GetUtcNow(), ct);
            }
            catch (PostgresException e) when (attempt < MaxMergeAttempts
                                              && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                logger.LogWarning("Statement import {JobId}: {SqlState} while merging, trying again", context.JobId, e.SqlState);
                await tx.RollbackAsync(ct);
                continue;
            }

            if (!counts.Consistent)
            {
                // A bill or another import wrote some of the same worker-months while the verdicts were computed.
                await tx.RollbackAsync(ct);
                if (attempt >= MaxMergeAttempts)
                {
                    throw new InvalidOperationException("The ledger kept changing under the statement import; it will be retried.");
                }

                logger.LogInformation("Statement import {JobId}: concurrent changes to the same months, merging again", context.JobId);
                continue;
            }

            await context.ReportAsync(StageFinishing, rows, rows, ct);
            // The last point where an interruption can still undo everything: nothing is visible until the commit.
            ct.ThrowIfCancellationRequested();
            var result = new StatementImportCounts(counts.Created, counts.Updated, counts.Unchanged, counts.Rejected, counts.NeedsReview, counts.Total);
            await ExecuteAsync(conn, tx, "delete from billing.statement_import_file where job_id = $1", ct, context.JobId);
            await AuditAsync(conn, tx, context, data, result, ct);
            await context.CompleteAsync(conn, tx, result, ct);
            await tx.CommitAsync(ct);
            logger.LogInformation(
                "Statement import {JobId} of {Rows} rows: {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected, {Review} to review",
                context.JobId, rows, counts.Created, counts.Updated, counts.Unchanged, counts.Rejected, counts.NeedsReview);
            return;
        }
    }

    /// <summary>One entry for the import, and one per updated ledger month or refund with what it replaced.</summary>
    private static async Task AuditAsync(NpgsqlConnection conn, NpgsqlTransaction tx, JobContext context, StatementJobData data,
        StatementImportCounts counts, CancellationToken ct)
    {
        var records = new List<AuditRecord>();
        await using (var cmd = new NpgsqlCommand("""
            select i.file_sha256, i.file_size, coalesce(i.region_code, i.regency_code) from billing.statement_import i where i.job_id = $1
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = context.JobId });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            records.Add(new AuditRecord("create", "statement_import", context.JobId.ToString(), r.IsDBNull(2) ? null : r.GetString(2), null,
                JsonSerializer.Serialize(new
                {
                    fileName = data.FileName,
                    fileSha256 = r.GetString(0),
                    fileSize = r.GetInt64(1),
                    format = data.Format == ImportFormat.Xlsx ? "xlsx" : "csv",
                    counts,
                }, Json)));
        }

        await using (var cmd = new NpgsqlCommand("""
            select worker_id, month, village_code, previous::text, amount, paid_on, coalesce(kpj, previous ->> 'kpj'),
                   coalesce(reference, previous ->> 'reference'), 'statement.after_death' = any(reasons), month_due, month_paid
              from billing.statement_row
             where job_id = $1 and (verdict = 'updated' or (verdict = 'created' and previous is not null))
             order by row_no
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = context.JobId });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var refund = r.GetBoolean(8);
                var month = ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(1));
                var after = refund
                    ? JsonSerializer.Serialize(new { amount = r.GetInt64(4), paidOn = r.GetFieldValue<DateOnly>(5), kpj = Text(r, 6), reference = Text(r, 7), statement = context.JobId }, Json)
                    : JsonSerializer.Serialize(new
                    {
                        amount = r.GetInt64(4), paymentDay = r.GetFieldValue<DateOnly>(5), reference = Text(r, 7),
                        amountDue = r.GetInt64(9), amountPaid = r.GetInt64(10), kpj = Text(r, 6), statement = context.JobId,
                    }, Json);
                records.Add(new AuditRecord("update", refund ? "self_paid_refund" : "contribution", $"{r.GetGuid(0)}:{month}",
                    r.GetString(2), r.GetString(3), after));
            }
        }

        await AuditWriter.WriteAsync(conn, tx, context.Caller, records, ct);
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

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
