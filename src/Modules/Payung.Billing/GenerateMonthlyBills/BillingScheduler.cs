using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
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
    ILogger<BillingScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = int.TryParse(configuration["PAYUNG_BILLING_INTERVAL_MINUTES"], out var m) ? m : 60;
        if (minutes <= 0)
        {
            return;
        }

        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await QueueUnlessPendingAsync(stoppingToken);
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException)
                {
                    logger.LogWarning(e, "Could not queue the automatic billing run; trying again later");
                }

                await Task.Delay(TimeSpan.FromMinutes(minutes), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task QueueUnlessPendingAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended('billing.scheduler', 0))", conn, tx))
        {
            await lockCmd.ExecuteNonQueryAsync(ct);
        }

        await using (var cmd = new NpgsqlCommand(
            "select exists (select 1 from jobs.job where kind = $1 and status in ('queued', 'running'))", conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = BillingRunJob.JobKind });
            if ((bool)(await cmd.ExecuteScalarAsync(ct))!)
            {
                return;
            }
        }

        await queue.EnqueueAsync(BillingRunJob.Request(null, CallerScope.System("penagihan otomatis")), conn, tx, ct);
        await tx.CommitAsync(ct);
    }
}
