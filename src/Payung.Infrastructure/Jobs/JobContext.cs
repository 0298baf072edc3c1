using System.Text.Json;
using Npgsql;
using Payung.Shared;

namespace Payung.Infrastructure.Jobs;

/// <summary>
/// What a handler knows about the job it runs: its id and data, the creator's scope rebuilt from the job
/// row (the handler applies it, never the system's), and a throttled progress channel.
/// </summary>
public sealed class JobContext
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly JobQueue queue;
    private readonly Action<JobProgress>? observer;
    private readonly TimeProvider clock;
    private string? writtenStage;
    private DateTimeOffset writtenAt;

    internal JobContext(JobQueue queue, JobQueue.LeasedJob job, string leaseOwner, Action<JobProgress>? observer, TimeProvider clock)
    {
        this.queue = queue;
        this.observer = observer;
        this.clock = clock;
        JobId = job.Id;
        Kind = job.Kind;
        Data = job.Data;
        Attempt = job.Attempt;
        LeaseOwner = leaseOwner;
        Creator = job.Caller;
        Caller = job.Caller.ToScope();
    }

    public Guid JobId { get; }

    public string Kind { get; }

    public JsonElement Data { get; }

    /// <summary>1 on the first run, higher when a crashed or failed run is retried.</summary>
    public int Attempt { get; }

    public string LeaseOwner { get; }

    /// <summary>The creator's scope: the handler's data access and checks must use this.</summary>
    public CallerScope Caller { get; }

    public JobCaller Creator { get; }

    /// <summary>Set once the handler committed the job's outcome itself.</summary>
    internal bool Completed { get; private set; }

    public T ReadData<T>() => Data.Deserialize<T>(Json) ?? throw new InvalidOperationException($"Job {JobId} has no data.");

    /// <summary>
    /// Tells the observer at once and writes the job row when the stage changes or about once a second,
    /// so a million-row loop can report every row without a million updates.
    /// </summary>
    public async ValueTask ReportAsync(string stage, long progress, long? total, CancellationToken ct)
    {
        observer?.Invoke(new JobProgress(JobId, stage, progress, total));
        var now = clock.GetUtcNow();
        if (stage == writtenStage && now - writtenAt < queue.Options.ProgressInterval)
        {
            return;
        }

        writtenStage = stage;
        writtenAt = now;
        await queue.ReportAsync(JobId, LeaseOwner, stage, progress, total, ct);
    }

    /// <summary>
    /// Marks the job succeeded inside the handler's transaction, with a JSON result. Throws when the lease
    /// was lost meanwhile (another worker took the job over), so the handler's transaction rolls back.
    /// </summary>
    public async Task CompleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, object? result, CancellationToken ct)
    {
        var json = result is null ? null : JsonSerializer.Serialize(result, Json);
        if (!await queue.CompleteAsync(JobId, LeaseOwner, json, connection, transaction, ct))
        {
            throw new JobLeaseLostException(JobId);
        }

        Completed = true;
    }
}
