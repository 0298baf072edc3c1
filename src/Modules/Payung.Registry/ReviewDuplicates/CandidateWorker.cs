namespace Payung.Registry.ReviewDuplicates;

/// <summary>
/// One side of a likely duplicate, with the fields an operator compares before merging; NIK, KK and phone masked
/// as the caller's role requires.
/// </summary>
public sealed record CandidateWorker(
    Guid Id,
    string? Nik,
    string? Kk,
    string FullName,
    string? BirthPlace,
    DateOnly BirthDate,
    string Sex,
    string VillageCode,
    string? Address,
    string? Rt,
    string? Rw,
    string? Phone,
    string OccupationCode,
    long? MonthlyIncome,
    short? DtsenDecile,
    string Status,
    DateOnly? DeathDate,
    IReadOnlyList<string> NikWarnings,
    Guid? MergedInto,
    DateTimeOffset CreatedAt);
