using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Payung.Infrastructure;
using Payung.Regions.LoadRegions;

namespace Payung.Testing;

/// <summary>
/// One real PostgreSQL per test process, migrated with the production scripts and holding the
/// official regions. With PAYUNG_TEST_DB set (a server connection string) it creates a fresh database
/// there; otherwise it runs a throw-away embedded cluster under /tmp, stopped and removed at exit.
/// Tests own their rows: nobody truncates, nobody asserts global counts others change.
/// </summary>
public static class TestDatabase
{
    private const string TempPrefix = "payung-test-";
    private static readonly Lazy<Task<Instance>> Shared = new(StartAsync);

    public static Task<Instance> GetAsync() => Shared.Value;

    public sealed record Instance(string ConnectionString, NpgsqlDataSource DataSource);

    private static async Task<Instance> StartAsync()
    {
        ILogger logger = NullLogger.Instance;
        string connectionString;
        var server = Environment.GetEnvironmentVariable("PAYUNG_TEST_DB");
        if (!string.IsNullOrWhiteSpace(server))
        {
            connectionString = await CreateDatabaseAsync(server);
        }
        else
        {
            RemoveAbandonedClusters();
            var root = Path.Combine(Path.GetTempPath(), $"{TempPrefix}{Environment.ProcessId}");
            Directory.CreateDirectory(root);
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
            var pg = await EmbeddedPostgres.StartAsync(
                new EmbeddedPostgresOptions(Path.Combine(root, "pg"), FreePort(), "payung_test"), logger);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                pg.StopAsync(evenIfInUse: true).GetAwaiter().GetResult();
                TryDelete(root);
            };
            connectionString = pg.ConnectionString;
        }

        var dataSource = NpgsqlDataSource.Create(connectionString);
        var factory = LoggerFactory.Create(_ => { });
        await new MigrationRunner(dataSource, factory.CreateLogger<MigrationRunner>()).MigrateAsync();
        await new LoadRegions(dataSource, factory.CreateLogger<LoadRegions>()).ExecuteAsync();
        return new Instance(connectionString, dataSource);
    }

    private static async Task<string> CreateDatabaseAsync(string server)
    {
        var name = $"payung_test_{Environment.ProcessId}_{DateTime.UtcNow:HHmmss}";
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"create database {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Clusters of test runs that were killed before their exit handler ran.</summary>
    private static void RemoveAbandonedClusters()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), TempPrefix + "*"))
        {
            if (!int.TryParse(Path.GetFileName(dir)[TempPrefix.Length..], out var pid) || IsAlive(pid))
            {
                continue;
            }

            var pidFile = Path.Combine(dir, "pg", "postmaster.pid");
            if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var postmaster) && IsAlive(postmaster))
            {
                try
                {
                    Process.GetProcessById(postmaster).Kill();
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.ComponentModel.Win32Exception)
                {
                    // already gone
                }
            }

            TryDelete(dir);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // removed by the next run's clean-up
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
