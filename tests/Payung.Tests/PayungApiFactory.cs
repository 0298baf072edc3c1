using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Payung.Testing;

namespace Payung.Tests;

/// <summary>
/// The real application over the test database, for tests that pin routes, status codes and
/// ProblemDetails. Shared by the whole test class through IClassFixture.
/// </summary>
public sealed class PayungApiFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase.Instance database = TestDatabase.GetAsync().GetAwaiter().GetResult();

    public TestDatabase.Instance Database => database;

    /// <summary>Extra configuration for a factory of one test class (e.g. a tight sign-in limit).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("PAYUNG_DB", database.ConnectionString);
        // TestDatabase loaded the regions already; start-up would only confirm that.
        builder.UseSetting("PAYUNG_SKIP_REGION_LOAD", "true");
        // Every test signs in through the real page from one address; the limit has its own test.
        builder.UseSetting("Access:SignInAttemptsPerMinute", "100000");
        // The job worker stays on (imports run through it); a short poll keeps import tests quick.
        builder.UseSetting("PAYUNG_JOBS_POLL_MS", "100");
        // Billing runs on demand in tests; the automatic run would bill other tests' programmes behind their backs.
        builder.UseSetting("PAYUNG_BILLING_INTERVAL_MINUTES", "0");
        builder.UseSetting("PAYUNG_IMPORT_PURGE_INTERVAL_MINUTES", "0");
        // The outbox is dispatched and the hand-over run on demand in tests; messages never reach the checkout's .data.
        builder.UseSetting("PAYUNG_NOTIFY_INTERVAL_SECONDS", "0");
        builder.UseSetting("PAYUNG_HANDOVER_INTERVAL_MINUTES", "0");
        builder.UseSetting("PAYUNG_OUTBOX_FILE", Path.Combine(Path.GetTempPath(), $"payung-test-outbox-{Environment.ProcessId}.jsonl"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
