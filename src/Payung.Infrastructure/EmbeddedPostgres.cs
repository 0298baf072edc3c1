using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Payung.Infrastructure;

/// <summary>
/// A private PostgreSQL cluster run with the machine's own <c>initdb</c>/<c>pg_ctl</c>, listening on
/// 127.0.0.1 only, so one command starts everything without a database server to set up.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    public const string SuperUser = "payung";

    private readonly EmbeddedPostgresOptions options;
    private readonly PostgresTools tools;
    private readonly ILogger logger;
    private bool startedByUs;

    private EmbeddedPostgres(EmbeddedPostgresOptions options, PostgresTools tools, ILogger logger)
    {
        this.options = options;
        this.tools = tools;
        this.logger = logger;
    }

    public string DataDirectory => options.DataDirectory;

    public int Port { get; private set; }

    public string ConnectionString { get; private set; } = "";

    /// <summary>
    /// Creates the cluster when missing, recovers a stale lock left by a killed run, adopts a cluster
    /// that is still running from such a run, and makes sure the database exists.
    /// </summary>
    public static async Task<EmbeddedPostgres> StartAsync(
        EmbeddedPostgresOptions options, ILogger logger, CancellationToken ct = default)
    {
        var tools = PostgresTools.Locate();
        var pg = new EmbeddedPostgres(options, tools, logger);
        Directory.CreateDirectory(Path.GetDirectoryName(options.DataDirectory)!);
        // Web host and CLI may start at the same moment; one of them creates and starts the cluster.
        await using (var startLock = await AcquireFileLockAsync(options.DataDirectory + ".lock", ct))
        {
            await pg.InitialiseAsync(ct);
            await pg.StartOrAdoptAsync(ct);
        }

        await pg.EnsureDatabaseAsync(ct);
        return pg;
    }

    private async Task InitialiseAsync(CancellationToken ct)
    {
        var dir = options.DataDirectory;
        var passwordFile = dir + ".password";
        if (File.Exists(Path.Combine(dir, "PG_VERSION")))
        {
            if (!File.Exists(passwordFile))
            {
                throw new InvalidOperationException(
                    $"The cluster in {dir} exists but its password file {passwordFile} is missing; " +
                    "remove the folder to create a fresh cluster.");
            }

            return;
        }

        logger.LogInformation("Creating embedded PostgreSQL cluster in {DataDirectory}", dir);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true); // a half-made cluster from an interrupted initdb
        }

        Directory.CreateDirectory(dir);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        await File.WriteAllTextAsync(passwordFile, password, ct);
        RestrictToOwner(passwordFile);

        // initdb reads the password from a file so it never appears in a process list.
        var pwTemp = Path.Combine(dir, "..", $".initdb-{Guid.NewGuid():N}.pw");
        await File.WriteAllTextAsync(pwTemp, password, ct);
        try
        {
            if (tools.RunAsUser is not null)
            {
                await tools.ChownAsync(dir, ct);
                await tools.ChownAsync(pwTemp, ct);
            }

            await tools.RunAsync("initdb", ct,
                "-D", dir, "-U", SuperUser, "--auth=scram-sha-256", "--pwfile=" + Path.GetFullPath(pwTemp),
                "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions");
        }
        finally
        {
            File.Delete(pwTemp);
        }

        // The port is given at each start so it can change; everything else is fixed here.
        await File.AppendAllTextAsync(Path.Combine(dir, "postgresql.conf"), """

            # Payung embedded cluster: loopback TCP only, no Unix socket in a shared folder.
            listen_addresses = '127.0.0.1'
            unix_socket_directories = ''
            max_connections = 200
            shared_buffers = 256MB
            logging_collector = off

            """, ct);
    }

    private async Task StartOrAdoptAsync(CancellationToken ct)
    {
        var dir = options.DataDirectory;
        var pidFile = Path.Combine(dir, "postmaster.pid");
        var status = await tools.RunAsync("pg_ctl", ct, allowFailure: true, "status", "-D", dir);
        if (status.ExitCode == 0 && File.Exists(pidFile))
        {
            // Left running by a run that was killed: take it over instead of failing on its lock.
            Port = ReadPortFromPidFile(pidFile) ?? options.Port;
            logger.LogInformation("Adopting embedded PostgreSQL already running on port {Port}", Port);
        }
        else
        {
            if (File.Exists(pidFile))
            {
                logger.LogWarning("Removing stale PostgreSQL lock file {PidFile}", pidFile);
                File.Delete(pidFile);
            }

            Port = options.Port;
            var logFile = Path.Combine(dir, "server.log");
            await tools.RunAsync("pg_ctl", ct,
                "start", "-D", dir, "-w", "-t", "60", "-l", logFile, "-o", $"-p {Port}");
            startedByUs = true;
            logger.LogInformation("Embedded PostgreSQL started on 127.0.0.1:{Port}", Port);
        }

        var password = (await File.ReadAllTextAsync(dir + ".password", ct)).Trim();
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = SuperUser,
            Password = password,
            Database = options.Database,
            MaxPoolSize = 50,
        }.ConnectionString;
    }

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", conn);
        exists.Parameters.AddWithValue(options.Database);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            // Identifiers cannot be parameters; the name comes from configuration and is checked.
            if (!IsPlainIdentifier(options.Database))
            {
                throw new InvalidOperationException($"Invalid database name '{options.Database}'.");
            }

            await using var create = new NpgsqlCommand($"create database \"{options.Database}\"", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Stops the cluster if this process started it; an adopted cluster is left running for its owner.</summary>
    public async Task StopAsync(bool evenIfInUse = false)
    {
        if (!startedByUs)
        {
            return;
        }

        startedByUs = false;
        NpgsqlConnection.ClearAllPools();
        if (!evenIfInUse && await OtherClientsConnectedAsync())
        {
            // A CLI run started the cluster and the web host adopted it meanwhile (or the reverse):
            // stopping now would cut the other process off. The last one out leaves it running.
            logger.LogInformation("Embedded PostgreSQL left running: other clients are connected");
            return;
        }

        await tools.RunAsync("pg_ctl", CancellationToken.None, allowFailure: true,
            "stop", "-D", options.DataDirectory, "-m", "fast", "-w", "-t", "60");
        logger.LogInformation("Embedded PostgreSQL stopped");
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<bool> OtherClientsConnectedAsync()
    {
        try
        {
            var cs = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
            await using var conn = new NpgsqlConnection(cs.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                "select count(*) from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()", conn);
            return (long)(await cmd.ExecuteScalarAsync())! > 0;
        }
        catch (NpgsqlException)
        {
            return false; // not reachable: nothing to protect, stopping is harmless
        }
    }

    internal static int? ReadPortFromPidFile(string pidFile)
    {
        // postmaster.pid line 4 is the port (see PostgreSQL's miscadmin.h, LOCK_FILE_LINE_PORT).
        var lines = File.ReadAllLines(pidFile);
        return lines.Length >= 4 && int.TryParse(lines[3].Trim(), out var port) ? port : null;
    }

    private static bool IsPlainIdentifier(string name) =>
        name.Length is > 0 and < 64 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    private static void RestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, ct);
            }
        }
    }
}
