using System.Text.Json;

namespace Payung.Registry.ReviewDuplicates;

/// <summary>
/// A likely duplicate: the rule that raised it (<c>same_name_birth_date</c>, <c>same_kk_name</c>,
/// <c>nik_one_digit_apart</c>), its evidence (<c>fields</c> names what matched), both workers side by side, and
/// the decision once taken (<c>open</c>, <c>merged</c>, <c>dismissed</c>).
/// </summary>
public sealed record DuplicateCandidateResponse(
    Guid Id,
    string Reason,
    JsonElement Evidence,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt,
    string? ResolutionNote,
    CandidateWorker Worker,
    CandidateWorker OtherWorker);
