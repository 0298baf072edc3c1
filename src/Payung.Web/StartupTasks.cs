using Payung.Access.SeedDemoUsers;
using Payung.Infrastructure;
using Payung.Billing.SeedDemoBilling;
using Payung.Programs.SeedDemoProgrammes;
using Payung.Regions.LoadRegions;

namespace Payung.Web;

/// <summary>
/// What must be true before the first request: schema migrated, official regions loaded, and with
/// PAYUNG_SEED_DEMO=true the demo users and programmes (make run sets it).
/// </summary>
internal static class StartupTasks
{
    public static async Task<IReadOnlyList<DemoUser>> RunAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<MigrationRunner>().MigrateAsync(ct);
        if (!IsTrue(configuration["PAYUNG_SKIP_REGION_LOAD"]))
        {
            await sp.GetRequiredService<LoadRegions>().ExecuteAsync(configuration["PAYUNG_REGIONS_DIR"], ct);
        }

        if (IsTrue(configuration["PAYUNG_SEED_DEMO"]))
        {
            var users = await sp.GetRequiredService<SeedDemoUsers>().ExecuteAsync(configuration["PAYUNG_DEMO_PASSWORD"], ct);
            await sp.GetRequiredService<SeedDemoProgrammes>().ExecuteAsync(ct);
            await sp.GetRequiredService<SeedDemoBilling>().ExecuteAsync(ct);
            return users;
        }

        return [];
    }

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1";
}
