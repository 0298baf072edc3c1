namespace Payung.Programs.ManageProgrammes;

/// <summary>
/// A programme's terms as typed, for creating and for editing a draft. Months are <c>yyyy-MM</c>; the package is
/// always JKK and JKM, with JHT when <c>includeJht</c>. Null numbers mean "no limit" where the field is optional.
/// Co-funding names the other funder and its share of each contribution in percent (e.g. 30 for a province
/// paying 30%). <c>villageTarget</c> is the participants each village should reach (a minimum, as in "1 Desa 100
/// Pekerja Rentan"); <c>villageQuota</c> a cap on active enrolments per village, not below the target.
/// </summary>
public sealed record ProgrammeRequest(
    string? Name,
    Guid? FunderId,
    string? FundingSource,
    int? FiscalYear,
    long? BudgetCeiling,
    string? MonthFrom,
    string? MonthTo,
    bool? IncludeJht,
    long? IncomeBasis,
    int? TargetParticipants,
    int? VillageQuota,
    int? MinAge,
    int? MaxAge,
    IReadOnlyList<string>? DomicileCodes,
    IReadOnlyList<string>? OccupationCodes,
    int? MaxDtsenDecile,
    bool? ExcludeDeceased,
    bool? ExcludeAlreadyFunded,
    Guid? CofunderId,
    decimal? CofunderSharePercent,
    int? VillageTarget = null);
