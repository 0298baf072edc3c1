namespace Payung.Registry.ReviewDuplicates;

/// <param name="Note">Why these are two people (optional), e.g. "kembar".</param>
public sealed record DismissDuplicateRequest(string? Note);
