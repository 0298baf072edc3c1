namespace Payung.Programs.EstimateBudget;

/// <summary>
/// Fields are nullable so that a missing one is reported by name rather than read as zero.
/// <c>IncomeBasis</c> null means the minimum basis; <c>Budget</c> null skips the affordability figures.
/// </summary>
internal sealed record EstimateBudgetRequest(
    int? Participants,
    string? StartMonth,
    int? Months,
    string? FundingSource,
    IReadOnlyList<string>? Package,
    long? IncomeBasis,
    string? Sector,
    long? Budget);
