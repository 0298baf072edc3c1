using System.Diagnostics;
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
            // Seeding the programmes takes some seconds the first time: say what is happening and what came of it.
            var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Payung.Demo");
            var clock = Stopwatch.StartNew();
            log.LogInformation("Demo data: users, programmes (about 52,000 workers the first time), bills and payments...");
            var users = await sp.GetRequiredService<SeedDemoUsers>().ExecuteAsync(configuration["PAYUNG_DEMO_PASSWORD"], ct);
            log.LogInformation("Demo data: {Count} demo users ready", users.Count);
            var programmes = await sp.GetRequiredService<SeedDemoProgrammes>().ExecuteAsync(ct);
            if (programmes.Seeded)
            {
                log.LogInformation("Demo data: {Programmes} programmes and {Workers} workers seeded", programmes.Programmes, programmes.Workers);
            }
            else
            {
                log.LogInformation("Demo data: programmes already seeded, left as they are");
            }

            var billing = await sp.GetRequiredService<SeedDemoBilling>().ExecuteAsync(ct);
            if (billing.Seeded)
            {
                log.LogInformation("Demo data: {Bills} bills, {Payments} payments and {SelfPaid} self-paid months seeded",
                    billing.Bills, billing.Payments, billing.SelfPaidMonths);
            }
            else
            {
                log.LogInformation("Demo data: bills and payments already seeded, left as they are");
            }

            log.LogInformation("Demo data ready in {Seconds:0.0} s", clock.Elapsed.TotalSeconds);
            return users;
        }

        return [];
    }

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1";
}
