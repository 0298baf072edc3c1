namespace Payung.Programs.EstimateBudget;

/// <summary>
/// <c>PerParticipantMonthly</c> and <c>MonthlyTotal</c> are the first month's figures (a discount period can make later
/// months differ). With a budget: how many participants it covers for all the months, how many whole months from
/// the start month it covers for the requested participants, and what is left after the affordable participants.
/// <c>DiscountAssumption</c> names an unconfirmed rule about the funding source, so the operator sees it.
/// <c>IncomeBasis</c> is the rupiah basis the first month was computed on, <c>IncomeBasisRule</c> the rule that chose
/// it (<c>income.not_reported</c>, <c>income.below_minimum</c>, <c>income.reported</c>, <c>income.above_maximum</c>)
/// and <c>IncomeBasisMessage</c> says so in Indonesian; each month carries its own basis and rule too.
/// </summary>
internal sealed record EstimateBudgetResponse(
    long PerParticipantMonthly,
    long MonthlyTotal,
    long Total,
    IReadOnlyList<MonthEstimate> Months,
    long? AffordableParticipants,
    int? AffordableMonths,
    long? Remainder,
    string? DiscountAssumption,
    long IncomeBasis,
    string IncomeBasisRule,
    string IncomeBasisMessage);
