using Payung.Shared;

namespace Payung.Registry.GetWorker;

/// <summary>
/// A worker as the caller may see them: NIK, KK and phone masked for roles that do not need them in full
/// (<see cref="PersonalDataMasked"/>). <see cref="NikWarnings"/> are the stored NIK doubts with a message each;
/// <see cref="MergedInto"/> is set when this record was merged into another and is kept only as history.
/// <see cref="Version"/> goes back with an edit to detect a concurrent change.
/// </summary>
public sealed record WorkerResponse(
    Guid Id,
    string? Nik,
    string? Kk,
    string FullName,
    string? BirthPlace,
    DateOnly BirthDate,
    string Sex,
    string VillageCode,
    string? VillageName,
    string? Address,
    string? Rt,
    string? Rw,
    string? Phone,
    string OccupationCode,
    string? OccupationName,
    long? MonthlyIncome,
    short? DtsenDecile,
    string Status,
    DateOnly? DeathDate,
    IReadOnlyList<RuleMessage> NikWarnings,
    WorkerLink? MergedInto,
    bool PersonalDataMasked,
    uint Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
