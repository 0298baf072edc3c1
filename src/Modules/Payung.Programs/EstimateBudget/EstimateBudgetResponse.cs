namespace Payung.Programs.EstimateBudget;

/// <summary>
/// <c>PerParticipantMonthly</c> and <c>MonthlyTotal</c> are the first month's figures (a discount period can make later
/// months differ). With a budget: how many participants it covers for all the months, how many whole months from
/// the start month it covers for the requested participants, and what is left after the affordable participants.
/// <c>DiscountAssumption</c> names an unconfirmed rule about the funding source, so the operator sees it.
/// </summary>
internal sealed record EstimateBudgetResponse(
    long PerParticipantMonthly,
    long MonthlyTotal,
    long Total,
    IReadOnlyList<MonthEstimate> Months,
    long? AffordableParticipants,
    int? AffordableMonths,
    long? Remainder,
    string? DiscountAssumption);
