using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Payung.Regions.LoadRegions;

/// <summary>
/// Loads the official region list from data/regions with COPY in one transaction: nothing changes
/// unless the files differ from what the database holds. Codes that disappear from a new release
/// are closed (valid_to), never deleted, because workers and programmes keep referring to them.
/// </summary>
public sealed class LoadRegions(NpgsqlDataSource dataSource, ILogger<LoadRegions> logger)
{
    public const string DatasetName = "idn-area-data";
    public const string DatasetVersion = "4.0.1";

    private static readonly string[] Files = ["provinces.csv", "regencies.csv", "districts.csv", "villages.csv"];

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "data", "regions");

    public async Task<LoadRegionsResult> ExecuteAsync(string? directory = null, CancellationToken ct = default)
    {
        directory ??= DefaultDirectory;
        var paths = Files.Select(f => Path.Combine(directory, f)).ToArray();
        var missing = paths.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            throw new FileNotFoundException($"Region data files missing: {string.Join(", ", missing)}");
        }

        var checksum = await ChecksumAsync(paths, ct);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // Two processes starting together would otherwise both load; the second waits, then skips.
        await ExecAsync(conn, tx, "lock table regions.dataset in exclusive mode", ct);
        await using (var check = new NpgsqlCommand(
            "select 1 from regions.dataset where name = $1 and version = $2 and checksum = $3", conn, tx))
        {
            check.Parameters.AddWithValue(DatasetName);
            check.Parameters.AddWithValue(DatasetVersion);
            check.Parameters.AddWithValue(checksum);
            if (await check.ExecuteScalarAsync(ct) is not null)
            {
                await tx.RollbackAsync(ct);
                return new LoadRegionsResult(Loaded: false, await CountAsync(conn, null, ct));
            }
        }

        logger.LogInformation("Loading regions from {Directory}", directory);
        await ExecAsync(conn, tx, """
            create temp table stage_province (code text, name text) on commit drop;
            create temp table stage_regency (code text, parent_code text, name text) on commit drop;
            create temp table stage_district (code text, parent_code text, name text) on commit drop;
            create temp table stage_village (code text, parent_code text, name text) on commit drop;
            """, ct);
        string[] stages = ["stage_province", "stage_regency", "stage_district", "stage_village"];
        for (var i = 0; i < paths.Length; i++)
        {
            await CopyCsvAsync(conn, stages[i], paths[i], ct);
        }

        await ExecAsync(conn, tx, """
            insert into regions.region (code, level, parent_code, name)
            select code, 'province', null, name from stage_province
            union all select code, 'regency', parent_code, name from stage_regency
            union all select code, 'district', parent_code, name from stage_district
            union all select code, 'village', parent_code, name from stage_village
            order by 1
            on conflict (code) do update
               set name = excluded.name, parent_code = excluded.parent_code, valid_to = null;

            update regions.region g set valid_to = current_date
             where g.valid_to is null
               and not exists (select 1 from stage_province s where s.code = g.code)
               and not exists (select 1 from stage_regency s where s.code = g.code)
               and not exists (select 1 from stage_district s where s.code = g.code)
               and not exists (select 1 from stage_village s where s.code = g.code);

            -- Kemendagri village numbers 1xxx are kelurahan (urban), 2xxx desa (rural); the few 3xxx are
            -- desa adat (customary villages in Papua) and count as desa.
            with village as (
                select code, substr(code, 10, 1) = '1' as kelurahan
                  from regions.region where level = 'village' and valid_to is null),
            village_count as (
                select a.ancestor, count(*) as villages,
                       count(*) filter (where not v.kelurahan) as desa,
                       count(*) filter (where v.kelurahan) as kelurahan
                  from village v
                 cross join lateral (values (left(v.code, 2)), (left(v.code, 5)), (left(v.code, 8))) a(ancestor)
                 group by a.ancestor),
            district_count as (
                select a.ancestor, count(*) as districts
                  from regions.region d
                 cross join lateral (values (left(d.code, 2)), (left(d.code, 5))) a(ancestor)
                 where d.level = 'district' and d.valid_to is null
                 group by a.ancestor)
            update regions.region g
               set village_count = coalesce(vc.villages, 0),
                   desa_count = coalesce(vc.desa, 0),
                   kelurahan_count = coalesce(vc.kelurahan, 0),
                   district_count = coalesce(dc.districts, 0)
              from regions.region r
              left join village_count vc on vc.ancestor = r.code
              left join district_count dc on dc.ancestor = r.code
             where r.code = g.code;
            """, ct);

        await using (var record = new NpgsqlCommand("""
            insert into regions.dataset (name, version, checksum) values ($1, $2, $3)
            on conflict (name) do update set version = excluded.version, checksum = excluded.checksum, loaded_at = now()
            """, conn, tx))
        {
            record.Parameters.AddWithValue(DatasetName);
            record.Parameters.AddWithValue(DatasetVersion);
            record.Parameters.AddWithValue(checksum);
            await record.ExecuteNonQueryAsync(ct);
        }

        var counts = await CountAsync(conn, tx, ct);
        await tx.CommitAsync(ct);
        logger.LogInformation(
            "Regions loaded: {Provinces} provinces, {Regencies} regencies, {Districts} districts, {Villages} villages",
            counts.Provinces, counts.Regencies, counts.Districts, counts.Villages);
        return new LoadRegionsResult(Loaded: true, counts);
    }

    private static async Task CopyCsvAsync(NpgsqlConnection conn, string table, string path, CancellationToken ct)
    {
        await using var writer = await conn.BeginTextImportAsync(
            $"copy {table} from stdin (format csv, header true)", ct);
        using var reader = new StreamReader(path);
        var buffer = new char[64 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, ct)) > 0)
        {
            await writer.WriteAsync(buffer.AsMemory(0, read), ct);
        }
    }

    private static async Task<RegionCounts> CountAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            select count(*) filter (where level = 'province'), count(*) filter (where level = 'regency'),
                   count(*) filter (where level = 'district'), count(*) filter (where level = 'village')
              from regions.region where valid_to is null
            """, conn, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new RegionCounts((int)r.GetInt64(0), (int)r.GetInt64(1), (int)r.GetInt64(2), (int)r.GetInt64(3));
    }

    private static async Task ExecAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 300 };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<string> ChecksumAsync(string[] paths, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in paths)
        {
            sha.AppendData(await File.ReadAllBytesAsync(path, ct));
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }
}

public sealed record LoadRegionsResult(bool Loaded, RegionCounts Counts);

public sealed record RegionCounts(int Provinces, int Regencies, int Districts, int Villages);
