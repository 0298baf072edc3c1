using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using Payung.Infrastructure.Jobs;
using Payung.Shared;

namespace Payung.Billing.HandOverToSelfPaid;

/// <summary>
/// Queues the hand-over run (<see cref="HandoverJob"/>) as the system a minute after start and then every
/// <c>PAYUNG_HANDOVER_INTERVAL_MINUTES</c> (default 1440, once a day). <c>0</c> turns it off (tests do, and hand over
/// on demand).
/// </summary>
internal sealed class HandoverScheduler(
    NpgsqlDataSource dataSource,
    JobQueue queue,
    IConfiguration configuration,
    ILogger<HandoverScheduler> logger) : RecurringJobScheduler(dataSource, queue, configuration, logger)
{
    protected override string JobKind => HandoverJob.JobKind;

    protected override string IntervalSetting => "PAYUNG_HANDOVER_INTERVAL_MINUTES";

    protected override int DefaultMinutes => 1440;

    protected override TimeSpan FirstDelay => TimeSpan.FromMinutes(1);

    protected override JobRequest NewRequest() => HandoverJob.Request(CallerScope.System("peralihan mandiri otomatis"));
}
