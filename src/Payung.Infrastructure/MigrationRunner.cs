using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Payung.Infrastructure;

/// <summary>
/// Applies the numbered SQL scripts of db/migrations (embedded in this assembly) in order, each in its
/// own transaction, recorded in <c>public.schema_migrations</c>. An advisory lock keeps the web host
/// and the CLI from migrating at the same time.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    // Any fixed number works; it only has to be the same for every process that migrates.
    private const long AdvisoryLockKey = 0x5041_5955_4E47; // "PAYUNG"

    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await ExecuteAsync(conn, "select pg_advisory_lock($1)", ct, AdvisoryLockKey);
        try
        {
            await ExecuteAsync(conn, """
                create table if not exists public.schema_migrations (
                    version text primary key,
                    checksum text not null,
                    applied_at timestamptz not null default now()
                )
                """, ct);
            var applied = await ReadAppliedAsync(conn, ct);
            var done = new List<string>();
            foreach (var migration in Embedded)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"Migration {migration.Version} was changed after it was applied; add a new migration instead.");
                    }

                    continue;
                }

                logger.LogInformation("Applying migration {Version}", migration.Version);
                await using var tx = await conn.BeginTransactionAsync(ct);
                await using (var cmd = new NpgsqlCommand(migration.Sql, conn, tx) { CommandTimeout = 0 })
                {
                    await cmd.ExecuteNonQueryAsync(ct);
                }

                await using (var record = new NpgsqlCommand(
                    "insert into public.schema_migrations (version, checksum) values ($1, $2)", conn, tx))
                {
                    record.Parameters.AddWithValue(migration.Version);
                    record.Parameters.AddWithValue(migration.Checksum);
                    await record.ExecuteNonQueryAsync(ct);
                }

                await tx.CommitAsync(ct);
                done.Add(migration.Version);
            }

            return done;
        }
        finally
        {
            await ExecuteAsync(conn, "select pg_advisory_unlock($1)", CancellationToken.None, AdvisoryLockKey);
        }
    }

    /// <summary>Versions embedded in this build that the database has not applied.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var exists = new NpgsqlCommand("select to_regclass('public.schema_migrations') is not null", conn);
        var applied = (bool)(await exists.ExecuteScalarAsync(ct))!
            ? await ReadAppliedAsync(conn, ct)
            : new Dictionary<string, string>();
        return Embedded.Where(m => !applied.ContainsKey(m.Version)).Select(m => m.Version).ToList();
    }

    private static async Task<Dictionary<string, string>> ReadAppliedAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var applied = new Dictionary<string, string>();
        await using var cmd = new NpgsqlCommand("select version, checksum from public.schema_migrations", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var a in args)
        {
            cmd.Parameters.AddWithValue(a);
        }

        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static IReadOnlyList<Migration> LoadEmbedded()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        const string prefix = "migrations/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Read(assembly, n, Path.GetFileNameWithoutExtension(n[prefix.Length..])))
            .OrderBy(m => m.Version, StringComparer.Ordinal)
            .ToList();
    }

    private static Migration Read(Assembly assembly, string resource, string version)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sql = reader.ReadToEnd();
        var checksum = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
        return new Migration(version, sql, checksum);
    }

    public sealed record Migration(string Version, string Sql, string Checksum);
}
