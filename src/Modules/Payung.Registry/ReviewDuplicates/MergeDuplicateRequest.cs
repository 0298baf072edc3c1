namespace Payung.Registry.ReviewDuplicates;

/// <param name="SurvivorId">The worker that stays: one of the candidate's two.</param>
/// <param name="Note">Why, for the next reader of the audit log (optional).</param>
public sealed record MergeDuplicateRequest(Guid? SurvivorId, string? Note);
