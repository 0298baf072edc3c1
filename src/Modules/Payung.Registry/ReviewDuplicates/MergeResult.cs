namespace Payung.Registry.ReviewDuplicates;

/// <summary>
/// The outcome of a merge: which worker stays, which now points at it, and which of the survivor's empty fields
/// were filled from the merged record (API field names).
/// </summary>
public sealed record MergeResult(Guid CandidateId, Guid SurvivorId, Guid MergedId, IReadOnlyList<string> FilledFields);
