namespace Payung.Infrastructure.Jobs;

/// <summary>Where a job is in its life; stored as lower-case text in <c>jobs.job.status</c>.</summary>
public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

public static class JobStates
{
    public static string ToCode(this JobState state) => state switch
    {
        JobState.Queued => "queued",
        JobState.Running => "running",
        JobState.Succeeded => "succeeded",
        JobState.Failed => "failed",
        JobState.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static JobState Parse(string code) => code switch
    {
        "queued" => JobState.Queued,
        "running" => JobState.Running,
        "succeeded" => JobState.Succeeded,
        "failed" => JobState.Failed,
        "cancelled" => JobState.Cancelled,
        _ => throw new FormatException($"Unknown job status '{code}'."),
    };

    public static bool IsFinished(this JobState state) => state is JobState.Succeeded or JobState.Failed or JobState.Cancelled;
}
