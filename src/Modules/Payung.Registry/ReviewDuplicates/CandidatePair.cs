namespace Payung.Registry.ReviewDuplicates;

/// <summary>
/// A candidate with its two workers, as a query shape. Member initialisation (not a constructor) so EF can
/// still translate filters and ordering written against it.
/// </summary>
internal sealed class CandidatePair
{
    public required DuplicateCandidate Candidate { get; init; }

    public required Worker Worker { get; init; }

    public required Worker Other { get; init; }
}
