using Payung.Infrastructure;

namespace Payung.Access;

/// <summary>A row of the append-only audit log, as read back (it is written by AuditWriter).</summary>
public sealed class AuditEntry : IRegionScoped
{
    public long Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string ActorKind { get; init; } = "";
    public Guid? ActorId { get; init; }
    public string ActorName { get; init; } = "";
    public string? RemoteIp { get; init; }
    public string Action { get; init; } = "";
    public string Entity { get; init; } = "";
    public string EntityId { get; init; } = "";
    public string? RegionCode { get; init; }
    public string? RegencyCode { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
}
