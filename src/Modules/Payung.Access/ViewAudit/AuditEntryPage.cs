namespace Payung.Access.ViewAudit;

/// <summary>One page of audit entries, newest first, and how many match the filter in all.</summary>
public sealed record AuditEntryPage(IReadOnlyList<AuditEntry> Items, int Page, int PageSize, int Total);
