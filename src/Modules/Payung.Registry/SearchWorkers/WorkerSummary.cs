namespace Payung.Registry.SearchWorkers;

/// <summary>A worker in a list: NIK masked as the caller's role requires, no KK, phone or address.</summary>
public sealed record WorkerSummary(
    Guid Id,
    string? Nik,
    string FullName,
    DateOnly BirthDate,
    string Sex,
    string VillageCode,
    string OccupationCode,
    string Status,
    bool HasNikWarnings,
    Guid? MergedInto);
