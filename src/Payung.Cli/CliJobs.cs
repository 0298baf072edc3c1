using System.Globalization;
using System.Text.Json;
using Payung.Infrastructure.Jobs;

namespace Payung.Cli;

/// <summary>
/// A job a command created already leased to itself (<c>payung import workers</c>, <c>payung billing run</c>) and runs
/// in-process to its end: Ctrl+C cancels the job, and a job that did not succeed is a failure naming it.
/// </summary>
internal static class CliJobs
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The lease owner of this process's jobs.</summary>
    public static string Owner { get; } = $"cli:{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Runs the job through <paramref name="run"/> (which shows progress) and returns its status and its result, read as <typeparamref name="T"/>.</summary>
    public static async Task<(JobStatus Status, JsonElement Json, T Result)> RunToEndAsync<T>(
        JobQueue queue, Guid jobId, string what, Func<Task<JobState>> run, CancellationToken ct)
    {
        JobState state;
        try
        {
            state = await run();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await queue.CancelAsync(jobId, Owner, CancellationToken.None);
            throw;
        }

        var status = await queue.FindAsync(jobId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Job {jobId} disappeared.");
        if (state != JobState.Succeeded || status.Result is not { } json)
        {
            throw new CliFailureException($"{what} {jobId} {status.State.ToCode()}: {status.ErrorCode} {status.ErrorMessage}");
        }

        return (status, json, json.Deserialize<T>(Json)!);
    }

    /// <summary>How long the job ran, e.g. <c>12.3</c>.</summary>
    public static string Seconds(JobStatus status) =>
        (status.FinishedAt - status.StartedAt)?.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) ?? "?";
}
