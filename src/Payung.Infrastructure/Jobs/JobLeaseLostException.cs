namespace Payung.Infrastructure.Jobs;

/// <summary>The lease ran out and another worker owns the job now; this run must leave no trace.</summary>
public sealed class JobLeaseLostException(Guid jobId)
    : Exception($"The lease on job {jobId} was lost; another worker owns it now.")
{
    public Guid JobId { get; } = jobId;
}
