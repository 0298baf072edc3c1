namespace Payung.Infrastructure;

/// <summary>One row of the append-only audit log, before it is written.</summary>
public sealed record AuditRecord(
    string Action,
    string Entity,
    string EntityId,
    string? RegionCode,
    string? Before,
    string? After);
