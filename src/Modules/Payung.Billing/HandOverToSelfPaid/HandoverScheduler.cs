using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Payung.Infrastructure.Jobs;
using Payung.Shared;

namespace Payung.Billing.HandOverToSelfPaid;

/// <summary>
/// Queues the hand-over run (<see cref="HandoverJob"/>) as the system shortly after start and then every
/// <c>PAYUNG_HANDOVER_INTERVAL_MINUTES</c> (default 1440, once a day), unless one is already queued or running.
/// <c>0</c> turns it off (tests do, and run hand-overs on demand).
/// </summary>
internal sealed class HandoverScheduler(
    NpgsqlDataSource dataSource,
    JobQueue queue,
    IConfiguration configuration,
    ILogger<HandoverScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = int.TryParse(configuration["PAYUNG_HANDOVER_INTERVAL_MINUTES"], out var m) ? m : 1440;
        if (minutes <= 0)
        {
            return;
        }

        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await QueueUnlessPendingAsync(stoppingToken);
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException)
                {
                    logger.LogWarning(e, "Could not queue the hand-over run; trying again later");
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
        await using (var cmd = new NpgsqlCommand("""
            select pg_advisory_xact_lock(hashtextextended('billing.handover.scheduler', 0)),
                   exists (select 1 from jobs.job where kind = $1 and status in ('queued', 'running'))
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = HandoverJob.JobKind });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            if (r.GetBoolean(1))
            {
                return;
            }
        }

        await queue.EnqueueAsync(HandoverJob.Request(CallerScope.System("peralihan mandiri otomatis")), conn, tx, ct);
        await tx.CommitAsync(ct);
    }
}
