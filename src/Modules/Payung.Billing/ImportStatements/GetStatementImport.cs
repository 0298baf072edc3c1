using System.Text.Json;
using Npgsql;
using Payung.Shared;

namespace Payung.Billing.ImportStatements;

/// <summary>A statement import as its page and <c>GET /api/v1/statements/{id}</c> show it.</summary>
internal sealed record StatementImportStatus(
    Guid Id,
    string Status,
    string? Stage,
    long Progress,
    long? Total,
    string FileName,
    string Format,
    long FileSize,
    IReadOnlyList<string> IgnoredHeaders,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    StatementImportCounts? Counts,
    string? ErrorCode,
    string? ErrorMessage)
{
    public bool Finished => Status is "succeeded" or "failed" or "cancelled";
}

/// <summary>
/// Reads statement imports for the caller. An import is visible only to callers whose scope covers the region its
/// creator worked in (a national import only to national callers); otherwise it does not exist.
/// </summary>
internal sealed class GetStatementImport(NpgsqlDataSource dataSource, CallerContext caller)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Select = """
        select j.id, j.status, j.stage, j.progress, j.total, i.file_name, i.format, i.file_size, i.ignored_headers,
               j.created_by_name, j.created_at, j.finished_at, j.result::text, j.error_code, j.error_message
          from billing.statement_import i
          join jobs.job j on j.id = i.job_id
        """;

    public async Task<StatementImportStatus?> ExecuteAsync(Guid id, CancellationToken ct)
    {
        var scope = caller.Scope;
        await using var cmd = dataSource.CreateCommand(
            $"{Select} where i.job_id = $1 and {Visible(2)}");
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        AddVisibility(cmd, scope);
        var found = await ReadAsync(cmd, ct);
        return found.SingleOrDefault();
    }

    /// <summary>The latest imports the caller may see, newest first.</summary>
    public async Task<IReadOnlyList<StatementImportStatus>> RecentAsync(int limit, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"{Select} where {Visible(1)} order by i.created_at desc limit $5");
        AddVisibility(cmd, caller.Scope);
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadAsync(cmd, ct);
    }

    /// <summary>
    /// The caller covers the region the import's creator worked in. A national import (no region) matches only the
    /// first parameter (national scope); the fourth says whether the caller may see personal data at all.
    /// </summary>
    private static string Visible(int first) =>
        $"${first + 3} and {ScopeSql.Predicate("i.regency_code", "coalesce(i.region_code, i.regency_code)", first)}";

    private static void AddVisibility(NpgsqlCommand cmd, CallerScope scope)
    {
        ScopeSql.AddParameters(cmd, scope);
        cmd.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = scope.CanSeePersonalData });
    }

    private static async Task<List<StatementImportStatus>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<StatementImportStatus>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add(new StatementImportStatus(
                r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3), r.IsDBNull(4) ? null : r.GetInt64(4),
                r.GetString(5), r.GetString(6), r.GetInt64(7), r.GetFieldValue<string[]>(8), r.GetString(9),
                r.GetFieldValue<DateTimeOffset>(10), r.IsDBNull(11) ? null : r.GetFieldValue<DateTimeOffset>(11),
                r.IsDBNull(12) ? null : JsonSerializer.Deserialize<StatementImportCounts>(r.GetString(12), Json),
                r.IsDBNull(13) ? null : r.GetString(13), r.IsDBNull(14) ? null : r.GetString(14)));
        }

        return list;
    }
}
