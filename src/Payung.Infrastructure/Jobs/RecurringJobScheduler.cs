using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Payung.Infrastructure.Jobs;

/// <summary>
/// Queues one kind of persisted job as the system, <see cref="FirstDelay"/> after start and then every
/// <see cref="IntervalSetting"/> minutes (default <see cref="DefaultMinutes"/>), unless one is already queued or running.
/// The jobs are idempotent, so the interval only decides how soon new facts reach them; <c>0</c> turns the schedule off
/// (tests do, and run the jobs on demand). An advisory lock keeps two processes from queueing the same run.
/// </summary>
public abstract class RecurringJobScheduler(NpgsqlDataSource dataSource, JobQueue queue, IConfiguration configuration, ILogger logger)
    : BackgroundService
{
    protected abstract string JobKind { get; }

    protected abstract string IntervalSetting { get; }

    protected abstract int DefaultMinutes { get; }

    protected abstract TimeSpan FirstDelay { get; }

    protected abstract JobRequest NewRequest();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = int.TryParse(configuration[IntervalSetting], out var m) ? m : DefaultMinutes;
        if (minutes <= 0)
        {
            return;
        }

        try
        {
            await Task.Delay(FirstDelay, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await QueueUnlessPendingAsync(stoppingToken);
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException)
                {
                    logger.LogWarning(e, "Could not queue the {Kind} job; trying again later", JobKind);
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
        await using (var lockCmd = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended('scheduler:' || $1, 0))", conn, tx))
        {
            lockCmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JobKind });
            await lockCmd.ExecuteNonQueryAsync(ct);
        }

        await using (var cmd = new NpgsqlCommand(
            "select exists (select 1 from jobs.job where kind = $1 and status in ('queued', 'running'))", conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JobKind });
            if ((bool)(await cmd.ExecuteScalarAsync(ct))!)
            {
                return;
            }
        }

        await queue.EnqueueAsync(NewRequest(), conn, tx, ct);
        await tx.CommitAsync(ct);
    }
}
