using Payung.Infrastructure;

namespace Payung.Registry;

public enum DuplicateReason
{
    SameNameBirthDate,
    SameKkName,
    NikOneDigitApart,
}

public enum DuplicateStatus
{
    Open,
    Merged,
    Dismissed,
}

/// <summary>Two workers who are likely one person, waiting for an operator's decision.</summary>
[Audited("duplicate_candidate")]
public sealed class DuplicateCandidate : IRegionScoped
{
    public Guid Id { get; init; }
    public Guid WorkerId { get; init; }
    public Guid OtherWorkerId { get; init; }
    public DuplicateReason Reason { get; init; }
    public string Evidence { get; init; } = "{}";
    public DuplicateStatus Status { get; private set; }
    public string? RegencyCode { get; init; }
    public string? RegionCode { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public Guid? ResolvedBy { get; private set; }
    public string? ResolutionNote { get; private set; }

    public void Resolve(DuplicateStatus status, Guid? by, string? note, DateTimeOffset now)
    {
        if (Status != DuplicateStatus.Open)
        {
            throw new Payung.Shared.DomainRuleException("duplicate.already_resolved", "Kandidat duplikat ini sudah diputuskan.", 409);
        }

        Status = status;
        ResolvedBy = by;
        ResolutionNote = note;
        ResolvedAt = now;
    }
}
