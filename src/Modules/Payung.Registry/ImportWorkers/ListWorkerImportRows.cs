using Npgsql;
using NpgsqlTypes;
using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.Registry.ImportWorkers;

public sealed record ImportRowItem(int Row, string Verdict, IReadOnlyList<ImportReason> Reasons, string? Nik, string? FullName, string? VillageCode,
    Guid? WorkerId);

public sealed record ImportRowPage(IReadOnlyList<ImportRowItem> Items, int Page, int PageSize, long Total);

/// <summary>
/// The rows of an import with their verdicts and reasons, a page at a time; by default the rows that need
/// the operator (rejected and needs_review). NIKs are masked for roles that mask personal data.
/// </summary>
public sealed class ListWorkerImportRows(NpgsqlDataSource dataSource, CallerContext caller, IRegionCodeLookup regions)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>Null when the import does not exist for the caller.</summary>
    public async Task<ImportRowPage?> ExecuteAsync(Guid id, ImportVerdict? verdict, int page, int pageSize, CancellationToken ct)
    {
        var scope = caller.Scope;
        await using (var visible = dataSource.CreateCommand("select regency_code, region_code from registry.worker_import where job_id = $1"))
        {
            visible.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            await using var reader = await visible.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)
                || !GetWorkerImport.Visible(scope, reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)))
            {
                return null;
            }
        }

        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        // "attention" = rejected and needs_review: what the operator has to act on, served by a partial index.
        var filter = verdict is null ? "verdict in ('rejected', 'needs_review')" : "verdict = $2";
        await using var cmd = dataSource.CreateCommand($"""
            select row_no, verdict, reasons, nik, full_name, village_code, worker_id, duplicate_of_row, count(*) over () as total
              from registry.worker_import_row
             where job_id = $1 and {filter}
             order by row_no
             limit $3 offset $4
            """);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = verdict?.ToCode() ?? "" });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (page - 1) * pageSize });
        var items = new List<ImportRowItem>();
        long total = 0;
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var duplicateOf = reader.IsDBNull(7) ? (int?)null : reader.GetInt32(7);
                var nik = reader.IsDBNull(3) ? null : reader.GetString(3);
                items.Add(new ImportRowItem(
                    reader.GetInt32(0),
                    reader.GetString(1),
                    reader.GetFieldValue<string[]>(2).Select(r => ImportReasons.Describe(r, duplicateOf, nik, regions)).ToList(),
                    PersonalData.For(scope, nik),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetGuid(6)));
                total = reader.GetInt64(8);
            }
        }

        if (items.Count == 0 && page > 1)
        {
            total = await CountAsync(id, verdict, ct);
        }

        return new ImportRowPage(items, page, pageSize, total);
    }

    private async Task<long> CountAsync(Guid id, ImportVerdict? verdict, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(verdict is null
            ? "select count(*) from registry.worker_import_row where job_id = $1 and verdict in ('rejected', 'needs_review')"
            : "select count(*) from registry.worker_import_row where job_id = $1 and verdict = $2");
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        if (verdict is not null)
        {
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = verdict.Value.ToCode() });
        }

        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
