using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using Payung.Infrastructure.Jobs;
using Payung.Shared;

namespace Payung.Billing.GenerateMonthlyBills;

/// <summary>
/// Bills automatically: shortly after start and then every <c>PAYUNG_BILLING_INTERVAL_MINUTES</c> (default 60) it
/// queues a national billing run as the system, unless one is already queued or running. The run is idempotent,
/// so the interval only decides how soon new months, late enrolments and endings reach the bills.
/// <c>PAYUNG_BILLING_INTERVAL_MINUTES=0</c> turns it off (tests do, and run billing on demand).
/// </summary>
internal sealed class BillingScheduler(
    NpgsqlDataSource dataSource,
    JobQueue queue,
    IConfiguration configuration,
    ILogger<BillingScheduler> logger) : RecurringJobScheduler(dataSource, queue, configuration, logger)
{
    protected override string JobKind => BillingRunJob.JobKind;

    protected override string IntervalSetting => "PAYUNG_BILLING_INTERVAL_MINUTES";

    protected override int DefaultMinutes => 60;

    protected override TimeSpan FirstDelay => TimeSpan.FromSeconds(30);

    protected override JobRequest NewRequest() => BillingRunJob.Request(null, CallerScope.System("penagihan otomatis"));
}
