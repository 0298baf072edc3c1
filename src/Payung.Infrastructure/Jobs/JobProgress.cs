namespace Payung.Infrastructure.Jobs;

/// <summary>One progress report of a running job, as its observer (a CLI progress bar, a test) sees it.</summary>
public sealed record JobProgress(Guid JobId, string Stage, long Progress, long? Total);
