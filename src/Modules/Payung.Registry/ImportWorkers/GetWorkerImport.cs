using System.Text.Json;
using Npgsql;
using Payung.Infrastructure;
using Payung.Infrastructure.Jobs;
using Payung.Shared;

namespace Payung.Registry.ImportWorkers;

/// <summary>An import as its results page and <c>GET /api/v1/imports/{id}</c> show it.</summary>
public sealed record WorkerImportStatus(
    Guid Id,
    string Status,
    string? Stage,
    long Progress,
    long? Total,
    string FileName,
    string Format,
    long FileSize,
    string? DefaultVillage,
    IReadOnlyList<string> IgnoredHeaders,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    ImportCounts? Counts,
    string? ErrorCode,
    string? ErrorMessage,
    ImportDuplicateScan? DuplicateScan)
{
    public bool Finished => Status is "succeeded" or "failed" or "cancelled";
}

/// <summary>
/// The follow-up job that puts the likely duplicates of an import's created and updated workers in the review
/// queue (<see cref="ScanImportedDuplicatesJob"/>): its job status and, once it succeeded, how many candidates it
/// raised. An import that created and updated nothing has none.
/// </summary>
public sealed record ImportDuplicateScan(Guid JobId, string Status, long? Candidates)
{
    public bool Finished => Status is "succeeded" or "failed" or "cancelled";
}

/// <summary>
/// Reads imports for the caller. An import is visible only to callers whose scope covers the region its
/// creator worked in (a national import only to national callers); otherwise it does not exist.
/// </summary>
public sealed class GetWorkerImport(NpgsqlDataSource dataSource, CallerContext caller)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Select = """
        select j.id, j.status, j.stage, j.progress, j.total, i.file_name, i.format, i.file_size, i.default_village,
               i.ignored_headers, j.created_by_name, j.created_at, j.started_at, j.finished_at, j.result::text,
               j.error_code, j.error_message, i.regency_code, i.region_code,
               s.id, s.status, (s.result ->> 'candidates')::bigint
          from registry.worker_import i
          join jobs.job j on j.id = i.job_id
          -- the key is ImportWorkersJob.DuplicateScanJobIdProperty
          left join jobs.job s on s.id = (j.result ->> 'duplicateScanJobId')::uuid
        """;

    public async Task<WorkerImportStatus?> ExecuteAsync(Guid id, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(Select + " where i.job_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return Visible(caller.Scope, reader.IsDBNull(17) ? null : reader.GetString(17), reader.IsDBNull(18) ? null : reader.GetString(18))
            ? Read(reader)
            : null;
    }

    /// <summary>The latest imports the caller may see, newest first.</summary>
    public async Task<IReadOnlyList<WorkerImportStatus>> RecentAsync(int limit, CancellationToken ct)
    {
        var scope = caller.Scope;
        await using var cmd = dataSource.CreateCommand(Select + """
             where $1 or (i.regency_code = any($2) and ($3::text is null or starts_with(i.region_code, $3::text)))
             order by i.created_at desc
             limit $4
            """);
        cmd.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = scope.AllRegions });
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = scope.Regencies.ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)scope.Within ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var result = new List<WorkerImportStatus>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(Read(reader));
        }

        return result;
    }

    /// <summary>Whether the caller covers the region the import's creator worked in.</summary>
    public static bool Visible(CallerScope scope, string? regencyCode, string? regionCode) =>
        scope.CanSeePersonalData && (scope.AllRegions || scope.Covers(regionCode ?? regencyCode));

    private static WorkerImportStatus Read(NpgsqlDataReader r) => new(
        r.GetGuid(0),
        r.GetString(1),
        r.IsDBNull(2) ? null : r.GetString(2),
        r.GetInt64(3),
        r.IsDBNull(4) ? null : r.GetInt64(4),
        r.GetString(5),
        r.GetString(6),
        r.GetInt64(7),
        r.IsDBNull(8) ? null : r.GetString(8),
        r.GetFieldValue<string[]>(9),
        r.GetString(10),
        r.GetFieldValue<DateTimeOffset>(11),
        r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12),
        r.IsDBNull(13) ? null : r.GetFieldValue<DateTimeOffset>(13),
        r.IsDBNull(14) ? null : JsonSerializer.Deserialize<ImportCounts>(r.GetString(14), Json),
        r.IsDBNull(15) ? null : r.GetString(15),
        r.IsDBNull(16) ? null : r.GetString(16),
        r.IsDBNull(19) ? null : new ImportDuplicateScan(r.GetGuid(19), r.GetString(20), r.IsDBNull(21) ? null : r.GetInt64(21)));
}
