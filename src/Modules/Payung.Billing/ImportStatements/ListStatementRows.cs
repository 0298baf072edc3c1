using System.Runtime.CompilerServices;
using Npgsql;
using Payung.Infrastructure.Spreadsheets;
using Payung.Shared;

namespace Payung.Billing.ImportStatements;

internal sealed record StatementRowItem(int Row, string Verdict, IReadOnlyList<StatementReason> Reasons, string? Nik, string? Kpj,
    string? Month, long? Amount, string? PaidOn, string? Source, string? Reference, Guid? WorkerId, string? VillageCode);

internal sealed record StatementRowPage(IReadOnlyList<StatementRowItem> Items, int Page, int PageSize, long Total);

/// <summary>
/// The rows of a statement import with their verdicts and reasons, a page at a time (every row, or one verdict), and
/// the rejected and needs_review rows as a workbook to fix and upload again (an audited export). NIKs are masked for
/// roles that mask personal data. Null when the import does not exist for the caller.
/// </summary>
internal sealed class ListStatementRows(NpgsqlDataSource dataSource, GetStatementImport imports, CallerContext caller)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    public async Task<StatementRowPage?> ExecuteAsync(Guid id, ImportVerdict? verdict, int page, int pageSize, CancellationToken ct)
    {
        if (await imports.ExecuteAsync(id, ct) is null)
        {
            return null;
        }

        var scope = caller.Scope;
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var cmd = dataSource.CreateCommand("""
            select row_no, verdict, reasons, nik, kpj, to_char(month, 'YYYY-MM'), amount, paid_on, source, reference, worker_id,
                   village_code, duplicate_of_row, count(*) over () as total, month_due, month_paid
              from billing.statement_row
             where job_id = $1 and ($2::text is null or verdict = $2)
             order by row_no
             limit $3 offset $4
            """);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)verdict?.ToCode() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (page - 1) * pageSize });
        var items = new List<StatementRowItem>();
        long total = 0;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var duplicateOf = r.IsDBNull(12) ? (int?)null : r.GetInt32(12);
                long? due = r.IsDBNull(14) ? null : r.GetInt64(14), paid = r.IsDBNull(15) ? null : r.GetInt64(15);
                items.Add(new StatementRowItem(
                    r.GetInt32(0), r.GetString(1),
                    r.GetFieldValue<string[]>(2).Select(x => StatementReasons.Describe(x, duplicateOf, due, paid)).ToList(),
                    PersonalData.For(scope, Text(r, 3)), PersonalData.For(scope, Text(r, 4)), Text(r, 5),
                    r.IsDBNull(6) ? null : r.GetInt64(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateOnly>(7).ToString("yyyy-MM-dd"),
                    Text(r, 8), Text(r, 9), r.IsDBNull(10) ? null : r.GetGuid(10), Text(r, 11)));
                total = r.GetInt64(13);
            }
        }

        if (items.Count == 0 && page > 1)
        {
            await using var count = dataSource.CreateCommand(
                "select count(*) from billing.statement_row where job_id = $1 and ($2::text is null or verdict = $2)");
            count.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            count.Parameters.Add(new NpgsqlParameter { Value = (object?)verdict?.ToCode() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            total = (long)(await count.ExecuteScalarAsync(ct))!;
        }

        return new StatementRowPage(items, page, pageSize, total);
    }

    /// <summary>False when the import does not exist for the caller.</summary>
    public async Task<bool> CanReadAsync(Guid id, CancellationToken ct) => await imports.ExecuteAsync(id, ct) is not null;

    /// <summary>The rows to fix: the statement's columns as read, then the reasons, the original row and the verdict.</summary>
    public async Task WriteErrorsAsync(Guid id, Stream output, CancellationToken ct)
    {
        var import = await imports.ExecuteAsync(id, ct) ?? throw new InvalidOperationException($"Statement import {id} is not visible to the caller.");
        var headers = StatementColumns.All.Select(c => c.Header)
            .Append(StatementColumns.ReasonsHeader).Append(StatementColumns.RowHeader).Append(StatementColumns.VerdictHeader).ToList();
        await ImportWorkbook.WriteAsync(output, "Perlu diperbaiki", headers, [.. StatementTemplate.Widths, 60, 10, 14], ErrorRowsAsync(id, ct), ct);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await AuditWriter.WriteAsync(conn, null, caller.Scope,
            [new AuditRecord("export", "statement_import", import.Id.ToString(), caller.Scope.ScopeCode, null, """{"file":"errors.xlsx"}""")], ct);
    }

    private async IAsyncEnumerable<IReadOnlyList<string?>> ErrorRowsAsync(Guid id, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            select row_no, verdict, reasons, duplicate_of_row, cells
              from billing.statement_row
             where job_id = $1 and verdict in ('rejected', 'needs_review')
             order by row_no
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var duplicateOf = r.IsDBNull(3) ? (int?)null : r.GetInt32(3);
            var reasons = r.GetFieldValue<string[]>(2).Select(x => StatementReasons.Describe(x, duplicateOf).Message);
            var cells = r.IsDBNull(4) ? new string?[StatementColumns.Count] : r.GetFieldValue<string?[]>(4);
            var verdict = ImportVerdicts.TryParse(r.GetString(1), out var v) ? v.Label() : r.GetString(1);
            yield return [.. cells, string.Join(" ", reasons), r.GetInt32(0).ToString(System.Globalization.CultureInfo.InvariantCulture), verdict];
        }
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
