namespace Payung.Access.ViewAudit;

/// <summary>
/// The audit filters exactly as they arrive in a query string, all text, so that a malformed value
/// becomes a listed validation error instead of a binding failure. Empty values mean "no filter".
/// </summary>
public sealed record AuditFilterRequest(
    string? Actor = null,
    string? Entity = null,
    string? Action = null,
    string? Region = null,
    string? From = null,
    string? To = null,
    string? Page = null,
    string? PageSize = null);
