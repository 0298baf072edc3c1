using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Payung.Infrastructure;

/// <summary>
/// Decides which PostgreSQL the process talks to: the server named by <c>PAYUNG_DB</c> or
/// <c>ConnectionStrings:Payung</c>, or else the embedded cluster under <c>.data/pg</c>.
/// </summary>
public sealed class PayungDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgres? embedded;

    private PayungDatabase(string connectionString, EmbeddedPostgres? embedded)
    {
        ConnectionString = connectionString;
        this.embedded = embedded;
    }

    public string ConnectionString { get; }

    public bool IsEmbedded => embedded is not null;

    public static string? ConfiguredConnectionString(IConfiguration configuration)
    {
        var cs = configuration["PAYUNG_DB"];
        return string.IsNullOrWhiteSpace(cs) ? configuration.GetConnectionString("Payung") : cs;
    }

    public static async Task<PayungDatabase> OpenAsync(
        IConfiguration configuration, string baseDirectory, ILogger logger, CancellationToken ct = default)
    {
        var configured = ConfiguredConnectionString(configuration);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new PayungDatabase(configured, null);
        }

        var dataDir = ResolveDataDirectory(configuration["PAYUNG_DATA_DIR"] ?? Path.Combine(baseDirectory, ".data"), logger);
        var port = int.TryParse(configuration["PAYUNG_PG_PORT"], out var p) ? p : EmbeddedPostgresOptions.DefaultPort;
        var pg = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(dataDir, port), logger, ct);
        return new PayungDatabase(pg.ConnectionString, pg);
    }

    /// <summary>
    /// As root the cluster runs as the postgres user, which must be able to walk down to its folder.
    /// A checkout under a private home folder is not reachable, so the cluster then lives under
    /// /var/lib/payung in a folder named after the checkout.
    /// </summary>
    internal static string ResolveDataDirectory(string dataRoot, ILogger logger)
    {
        var preferred = Path.GetFullPath(Path.Combine(dataRoot, "pg"));
        if (!Environment.IsPrivilegedProcess || OperatingSystem.IsWindows() || AncestorsTraversable(preferred))
        {
            return preferred;
        }

        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(preferred)))[..12].ToLowerInvariant();
        var fallback = Path.Combine("/var/lib/payung", hash, "pg");
        Directory.CreateDirectory(Path.GetDirectoryName(fallback)!);
        File.SetUnixFileMode("/var/lib/payung", (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path.GetDirectoryName(fallback)!, (UnixFileMode)0b111_101_101);
        logger.LogWarning(
            "The postgres user cannot reach {Preferred}; the embedded cluster lives in {Fallback}", preferred, fallback);
        return fallback;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool AncestorsTraversable(string path)
    {
        for (var dir = Path.GetDirectoryName(path); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (Directory.Exists(dir) && !File.GetUnixFileMode(dir).HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (embedded is not null)
        {
            await embedded.DisposeAsync();
        }
    }
}
