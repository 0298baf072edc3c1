using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Payung.Infrastructure.Jobs;

/// <summary>
/// The web host's background worker: every poll interval it fails jobs abandoned on their last attempt,
/// claims the oldest ready job of a kind this process knows and runs it, one at a time. On shutdown the
/// running job is handed back to the queue for the next worker.
/// </summary>
public sealed class JobWorker(JobQueue queue, JobRunner runner, TimeProvider clock, ILogger<JobWorker> logger) : BackgroundService
{
    public string Owner { get; } = $"web:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            Guid? claimed = null;
            try
            {
                await queue.FailAbandonedAsync(stoppingToken);
                claimed = await queue.ClaimNextAsync(Owner, runner.Kinds, stoppingToken);
                if (claimed is { } id)
                {
                    await runner.RunAsync(id, Owner, null, stoppingToken);
                    continue; // more may be waiting
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                if (claimed is { } interrupted)
                {
                    await ReleaseAsync(interrupted);
                }

                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The job worker could not poll the queue; retrying");
            }

            try
            {
                await Task.Delay(queue.Options.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ReleaseAsync(Guid id)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await queue.ReleaseAsync(id, Owner, timeout.Token);
        }
        catch (Exception e)
        {
            // The lease runs out by itself and another worker restarts the job then.
            logger.LogWarning(e, "Could not hand job {JobId} back to the queue on shutdown", id);
        }
    }
}
