using System.Runtime.CompilerServices;
using Npgsql;
using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.Registry.ImportWorkers;

/// <summary>
/// The rejected and needs_review rows of an import as a workbook the operator fixes and uploads again:
/// the import's columns with the cells as they were read, then the reasons, the original row number and
/// the verdict (columns the import ignores when the workbook comes back). The download holds personal
/// data, so it is audited as an export.
/// </summary>
public sealed class BuildErrorWorkbook(NpgsqlDataSource dataSource, CallerContext caller, IRegionCodeLookup regions)
{
    /// <summary>False when the import does not exist for the caller.</summary>
    public async Task<bool> CanReadAsync(Guid id, CancellationToken ct) =>
        await RegionOfAsync(id, ct) is { Visible: true };

    public async Task WriteAsync(Guid id, Stream output, CancellationToken ct)
    {
        var region = await RegionOfAsync(id, ct);
        if (region is not { Visible: true })
        {
            throw new InvalidOperationException($"Import {id} is not visible to the caller.");
        }

        var headers = ImportColumns.All.Select(c => c.Header)
            .Append(ImportColumns.ReasonsHeader).Append(ImportColumns.RowHeader).Append(ImportColumns.VerdictHeader).ToList();
        var widths = ImportTemplate.Widths.Append(60).Append(10).Append(14).ToList();
        await ImportWorkbook.WriteAsync(output, "Perlu diperbaiki", headers, widths, RowsAsync(id, ct), ct);

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await AuditWriter.WriteAsync(conn, null, caller.Scope,
            [new AuditRecord("export", "worker_import", id.ToString(), region.Value.Region, null, """{"file":"errors.xlsx"}""")], ct);
    }

    private async IAsyncEnumerable<IReadOnlyList<string?>> RowsAsync(Guid id, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            select row_no, verdict, reasons, duplicate_of_row, cells
              from registry.worker_import_row
             where job_id = $1 and verdict in ('rejected', 'needs_review')
             order by row_no
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var duplicateOf = reader.IsDBNull(3) ? (int?)null : reader.GetInt32(3);
            var cells = reader.IsDBNull(4) ? new string?[ImportColumns.Count] : reader.GetFieldValue<string?[]>(4);
            var nik = cells.Length > 0 ? cells[0]?.Trim() : null;
            var reasons = reader.GetFieldValue<string[]>(2).Select(r => ImportReasons.Describe(r, duplicateOf, nik, regions).Message);
            var verdict = ImportVerdicts.TryParse(reader.GetString(1), out var v) ? v.Label() : reader.GetString(1);
            yield return [.. cells, string.Join(" ", reasons), reader.GetInt32(0).ToString(System.Globalization.CultureInfo.InvariantCulture), verdict];
        }
    }

    private async Task<(bool Visible, string? Region)?> RegionOfAsync(Guid id, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("select regency_code, region_code from registry.worker_import where job_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var regency = reader.IsDBNull(0) ? null : reader.GetString(0);
        var region = reader.IsDBNull(1) ? null : reader.GetString(1);
        return (GetWorkerImport.Visible(caller.Scope, regency, region), region ?? regency);
    }
}
