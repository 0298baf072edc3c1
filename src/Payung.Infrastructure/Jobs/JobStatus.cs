using System.Text.Json;

namespace Payung.Infrastructure.Jobs;

/// <summary>A job as pages, the API and the CLI show it: state, stage and progress, outcome.</summary>
public sealed record JobStatus(
    Guid Id,
    string Kind,
    JobState State,
    string? Stage,
    long Progress,
    long? Total,
    int Attempts,
    int MaxAttempts,
    JsonElement? Result,
    string? ErrorCode,
    string? ErrorMessage,
    Guid? CreatedBy,
    string CreatedByName,
    string? RegencyCode,
    string? RegionCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>The region the job's creator worked in: who may see the job (national jobs have none).</summary>
    public string? ScopeRegion => RegionCode ?? RegencyCode;
}
