using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Payung.Infrastructure;
using Payung.Infrastructure.Jobs;
using Payung.Shared;

namespace Payung.Registry.ImportWorkers;

/// <summary>
/// Accepts an import file for the caller: checks it (<see cref="InspectImportFile"/>) and the default
/// village, then puts the job in the queue together with the file's description (and, for an upload, its
/// bytes) in one transaction. A refused file leaves no job and no row.
/// </summary>
public sealed class StartWorkerImport(NpgsqlDataSource dataSource, JobQueue queue, CallerContext caller, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>An upload through the web: counted in full now, stored with the job, run by the worker.</summary>
    public async Task<Guid> UploadAsync(string fileName, byte[] content, string? village, ImportLimits limits, CancellationToken ct)
    {
        var scope = caller.Scope;
        var defaultVillage = await ResolveVillageAsync(scope, village, ct);
        var info = InspectImportFile.Run(new MemoryStream(content, writable: false), limits, defaultVillage is not null, countRows: true);
        return await EnqueueAsync(scope, ImportUpload.SafeName(fileName), info, defaultVillage, null, content, limits, null, ct);
    }

    /// <summary>
    /// A local file for the CLI: only its head is checked now (rows are counted while the job reads them),
    /// and the job is created already leased to <paramref name="leaseOwner"/>, which runs it in-process.
    /// </summary>
    public async Task<(Guid JobId, ImportFileInfo File)> LocalFileAsync(string path, string? village, ImportLimits limits,
        string leaseOwner, CancellationToken ct)
    {
        var scope = caller.Scope;
        var defaultVillage = await ResolveVillageAsync(scope, village, ct);
        ImportFileInfo info;
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            info = InspectImportFile.Run(file, limits, defaultVillage is not null, countRows: false);
        }

        var id = await EnqueueAsync(scope, ImportUpload.SafeName(Path.GetFileName(path)), info, defaultVillage, Path.GetFullPath(path), null, limits,
            leaseOwner, ct);
        return (id, info);
    }

    /// <summary>
    /// The village for rows without a Kode Desa: the one given (must exist and lie in scope), else a village
    /// operator's own village, else none.
    /// </summary>
    private async Task<string?> ResolveVillageAsync(CallerScope scope, string? village, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(village))
        {
            return scope.Role == Role.DesaOperator ? scope.ScopeCode : null;
        }

        if (!RegionCode.TryParse(village.Trim(), out var code) || code.Level != RegionLevel.Village || !await VillageExistsAsync(code.Value, ct))
        {
            throw new ImportRefusedException("import.village_unknown", "Kode desa/kelurahan tidak dikenal.", 422,
                "Isi kode Kemendagri desa/kelurahan, mis. 18.01.06.2001.");
        }

        if (!scope.Covers(code))
        {
            throw new ImportRefusedException(ImportReasons.OutOfScope, "Desa/kelurahan ini di luar wilayah kewenangan Anda.", 403);
        }

        return code.Value;
    }

    private async Task<bool> VillageExistsAsync(string code, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("select exists (select 1 from regions.region where code = $1 and level = 'village')");
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code });
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private async Task<Guid> EnqueueAsync(CallerScope scope, string fileName, ImportFileInfo info, string? defaultVillage, string? path,
        byte[]? content, ImportLimits limits, string? leaseOwner, CancellationToken ct)
    {
        var data = new ImportJobData(fileName, info.Format, defaultVillage, path, info.Rows, limits.MaxBytes, limits.MaxRows, limits.MaxUnpackedBytes);
        var request = new JobRequest(ImportWorkersJob.JobKind, JsonSerializer.SerializeToElement(data, Json), scope, info.Rows, leaseOwner);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var id = await queue.EnqueueAsync(request, conn, tx, ct);
        await using (var cmd = new NpgsqlCommand("""
            insert into registry.worker_import (job_id, file_name, file_sha256, file_size, format, default_village, ignored_headers,
                                                regency_code, region_code, created_at)
            select id, $2, $3, $4, $5, $6, $7, regency_code, region_code, $8 from jobs.job where id = $1
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = fileName });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = info.Sha256 });
            cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = info.Size });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = info.Format == ImportFormat.Xlsx ? "xlsx" : "csv" });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)defaultVillage ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = info.IgnoredHeaders.ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
            await cmd.ExecuteNonQueryAsync(ct);
        }

        if (content is not null)
        {
            await using var file = new NpgsqlCommand("insert into registry.worker_import_file (job_id, content) values ($1, $2)", conn, tx);
            file.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            file.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = content });
            await file.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return id;
    }
}
