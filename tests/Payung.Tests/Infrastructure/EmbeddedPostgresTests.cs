using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Payung.Infrastructure;

namespace Payung.Tests.Infrastructure;

/// <summary>The embedded cluster's life cycle on a cluster of its own (not the shared test database).</summary>
public sealed class EmbeddedPostgresTests : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"payung-lifecycle-{Guid.NewGuid():N}");
    private readonly List<EmbeddedPostgres> started = [];

    private EmbeddedPostgresOptions Options(int port) => new(Path.Combine(root, "pg"), port, "payung_lifecycle");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(root);
        File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var pg in started)
        {
            await pg.StopAsync(evenIfInUse: true);
        }

        Directory.Delete(root, recursive: true);
    }

    private async Task<EmbeddedPostgres> StartAsync(int port)
    {
        var pg = await EmbeddedPostgres.StartAsync(Options(port), NullLogger.Instance);
        started.Add(pg);
        return pg;
    }

    [Fact]
    public async Task Start_CreatesPasswordProtectedClusterOnLoopbackOnly()
    {
        var pg = await StartAsync(FreePort());

        Assert.Equal("127.0.0.1", await ScalarAsync(pg.ConnectionString, "select current_setting('listen_addresses')"));
        Assert.Equal("", await ScalarAsync(pg.ConnectionString, "select current_setting('unix_socket_directories')"));
        var wrongPassword = new NpgsqlConnectionStringBuilder(pg.ConnectionString) { Password = "wrong", Pooling = false };
        await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(wrongPassword.ConnectionString, "select 1"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(pg.DataDirectory + ".password"));
    }

    [Fact]
    public async Task Start_WhenAnotherProcessRunsTheCluster_AdoptsItAndLeavesItRunning()
    {
        var owner = await StartAsync(FreePort());

        var adopter = await EmbeddedPostgres.StartAsync(Options(FreePort()), NullLogger.Instance);
        Assert.Equal(owner.Port, adopter.Port);
        await adopter.StopAsync();

        Assert.Equal("1", await ScalarAsync(owner.ConnectionString, "select 1"));
    }

    [Fact]
    public async Task Start_AfterTheServerWasKilled_RecoversTheStaleLock()
    {
        var first = await StartAsync(FreePort());
        var pidFile = Path.Combine(first.DataDirectory, "postmaster.pid");
        var postmaster = int.Parse(File.ReadLines(pidFile).First());
        using (var process = Process.GetProcessById(postmaster))
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
        }

        Assert.True(File.Exists(pidFile)); // what a killed server leaves behind
        NpgsqlConnection.ClearAllPools();

        var second = await StartAsync(FreePort());

        Assert.Equal("1", await ScalarAsync(second.ConnectionString, "select 1"));
    }

    [Fact]
    public async Task Stop_WhenStartedByThisProcess_StopsTheServer()
    {
        var pg = await StartAsync(FreePort());

        await pg.StopAsync();

        Assert.False(File.Exists(Path.Combine(pg.DataDirectory, "postmaster.pid")));
    }

    private static async Task<string?> ScalarAsync(string connectionString, string sql)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var conn = new NpgsqlConnection(cs.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (await cmd.ExecuteScalarAsync())?.ToString();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
