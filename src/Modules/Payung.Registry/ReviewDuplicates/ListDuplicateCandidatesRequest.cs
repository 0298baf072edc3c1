namespace Payung.Registry.ReviewDuplicates;

/// <param name="Status"><c>open</c> (default), <c>merged</c> or <c>dismissed</c>.</param>
/// <param name="WorkerId">Only the candidates this worker is part of.</param>
public sealed record ListDuplicateCandidatesRequest(string? Status, Guid? WorkerId, int? Page, int? PageSize);
