namespace Payung.Programs.ManageProgrammes;

/// <summary>
/// A programme as the API shows it; months are <c>yyyy-MM</c>, money whole rupiah, status draft/active/closed.
/// <c>VillageTarget</c> is the minimum each village should reach, <c>VillageQuota</c> the cap per village.
/// </summary>
public sealed record ProgrammeResponse(
    Guid Id,
    string Name,
    Guid FunderId,
    string? FunderName,
    string FundingSource,
    int FiscalYear,
    long BudgetCeiling,
    string MonthFrom,
    string MonthTo,
    IReadOnlyList<string> Package,
    long? IncomeBasis,
    int TargetParticipants,
    int? VillageTarget,
    int? VillageQuota,
    int? MinAge,
    int? MaxAge,
    IReadOnlyList<string> DomicileCodes,
    IReadOnlyList<string> OccupationCodes,
    int? MaxDtsenDecile,
    bool ExcludeDeceased,
    bool ExcludeAlreadyFunded,
    Guid? CofunderId,
    string? CofunderName,
    decimal? CofunderSharePercent,
    string Status,
    string RegionCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
