using Payung.Infrastructure;
using Payung.Regions.LoadRegions;

namespace Payung.Web;

/// <summary>What must be true before the first request: schema migrated, official regions loaded.</summary>
internal static class StartupTasks
{
    public static async Task RunAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<MigrationRunner>().MigrateAsync(ct);
        if (!string.Equals(configuration["PAYUNG_SKIP_REGION_LOAD"], "true", StringComparison.OrdinalIgnoreCase))
        {
            await sp.GetRequiredService<LoadRegions>().ExecuteAsync(configuration["PAYUNG_REGIONS_DIR"], ct);
        }
    }
}
