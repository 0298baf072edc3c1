using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Payung.Infrastructure.Jobs;

/// <summary>
/// Runs one job that the caller has leased (claimed by <see cref="JobWorker"/>, or created already
/// leased by the CLI): its handler in a DI scope of its own acting as the job's creator, the lease renewed
/// while it runs, and the outcome recorded. Interruption by <c>ct</c> propagates and leaves the job as a
/// crash would (running, lease running out): the caller decides whether to release or cancel it.
/// </summary>
public sealed class JobRunner(
    IServiceScopeFactory scopes,
    JobQueue queue,
    IEnumerable<JobHandlerRegistration> registrations,
    TimeProvider clock,
    ILogger<JobRunner> logger)
{
    private readonly Dictionary<string, Type> handlers = registrations.ToDictionary(r => r.Kind, r => r.HandlerType, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Kinds => handlers.Keys;

    public async Task<JobState> RunAsync(Guid jobId, string leaseOwner, Action<JobProgress>? observer, CancellationToken ct)
    {
        var job = await queue.LoadLeasedAsync(jobId, leaseOwner, ct)
            ?? throw new InvalidOperationException($"Job {jobId} is not running under the lease of {leaseOwner}.");
        if (!handlers.TryGetValue(job.Kind, out var handlerType))
        {
            return await queue.FailAsync(jobId, leaseOwner, "job.unknown_kind",
                $"Tidak ada penangan untuk pekerjaan jenis '{job.Kind}'.", permanent: true, CancellationToken.None);
        }

        var context = new JobContext(queue, job, leaseOwner, observer, clock);
        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var stopRenewing = new CancellationTokenSource();
        var renewal = RenewWhileRunningAsync(jobId, leaseOwner, leaseLost, stopRenewing.Token);
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<CallerContext>().Scope = context.Caller;
                var handler = (IJobHandler)scope.ServiceProvider.GetRequiredService(handlerType);
                await handler.RunAsync(context, leaseLost.Token);
            }

            if (!context.Completed && !await queue.CompleteAsync(jobId, leaseOwner, null, ct))
            {
                throw new JobLeaseLostException(jobId);
            }

            logger.LogInformation("Job {JobId} ({Kind}) succeeded", jobId, job.Kind);
            return JobState.Succeeded;
        }
        catch (Exception) when (context.Completed)
        {
            return JobState.Succeeded; // committed; what failed afterwards (disposal) changes nothing
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            logger.LogInformation("Job {JobId} ({Kind}) interrupted", jobId, job.Kind);
            throw;
        }
        catch (Exception e) when (e is JobLeaseLostException || (e is OperationCanceledException && leaseLost.IsCancellationRequested))
        {
            logger.LogWarning("Job {JobId} ({Kind}) lost its lease; the worker that took it over finishes it", jobId, job.Kind);
            return JobState.Running;
        }
        catch (JobFailedException e)
        {
            logger.LogInformation("Job {JobId} ({Kind}) failed: {Code} {Message}", jobId, job.Kind, e.Code, e.Message);
            return await queue.FailAsync(jobId, leaseOwner, e.Code, e.Message, permanent: true, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Job {JobId} ({Kind}) failed on attempt {Attempt}", jobId, job.Kind, job.Attempt);
            return await queue.FailAsync(jobId, leaseOwner, "job.error",
                $"Terjadi kesalahan saat menjalankan pekerjaan ({e.GetType().Name}: {e.Message}).", permanent: false, CancellationToken.None);
        }
        finally
        {
            await stopRenewing.CancelAsync();
            await renewal;
        }
    }

    private async Task RenewWhileRunningAsync(Guid jobId, string owner, CancellationTokenSource leaseLost, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(queue.Options.RenewInterval, clock, stop);
                bool renewed;
                try
                {
                    renewed = await queue.RenewAsync(jobId, owner, stop);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A database hiccup: keep the job running and try again; the lease has slack for this.
                    logger.LogWarning(e, "Could not renew the lease on job {JobId}", jobId);
                    continue;
                }

                if (!renewed)
                {
                    await leaseLost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the job ended
        }
    }
}
