namespace Payung.Programs.EstimateBudget;

/// <summary>
/// Fields are nullable so that a missing one is reported by name rather than read as zero.
/// <c>MonthlyIncome</c> is a worker's actual monthly income, placed on the contribution basis (below the minimum pays
/// on the minimum, above the maximum on the maximum); null means the minimum basis. <c>IncomeBasis</c> is its older
/// name, still read. <c>Budget</c> null skips the affordability figures.
/// </summary>
internal sealed record EstimateBudgetRequest(
    int? Participants,
    string? StartMonth,
    int? Months,
    string? FundingSource,
    IReadOnlyList<string>? Package,
    long? IncomeBasis,
    string? Sector,
    long? Budget,
    long? MonthlyIncome = null);
