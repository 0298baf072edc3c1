using System.Net;
using System.Net.Sockets;
using Payung.Web;

namespace Payung.Tests.Infrastructure;

/// <summary>The web host on its own embedded cluster, as `make run` starts it.</summary>
public sealed class WebHostLifecycleTests
{
    [Fact]
    public async Task WebHost_WithoutAConnectionString_RunsItsOwnClusterAndStopsItOnShutdown()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"payung-host-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDir);
        File.SetUnixFileMode(dataDir, (UnixFileMode)0b111_101_101);
        try
        {
            var app = await PayungWebApp.BuildAsync(
            [
                "--urls=http://127.0.0.1:0",
                "--environment=Testing",
                "--applicationName=Payung.Web",
                "--PAYUNG_DATA_DIR=" + dataDir,
                "--PAYUNG_PG_PORT=" + FreePort(),
                "--PAYUNG_SKIP_REGION_LOAD=true",
                "--Logging:LogLevel:Default=Warning",
            ]);
            await app.StartAsync();
            using (var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) })
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            }

            var pidFile = Path.Combine(dataDir, "pg", "postmaster.pid");
            Assert.True(File.Exists(pidFile));

            await app.StopAsync();
            await app.DisposeAsync();

            Assert.False(File.Exists(pidFile), "the embedded cluster is still running after shutdown");
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
