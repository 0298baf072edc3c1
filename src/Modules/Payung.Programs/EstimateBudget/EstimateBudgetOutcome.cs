namespace Payung.Programs.EstimateBudget;

/// <summary>Either an estimate or the request fields that are wrong, keyed like ASP.NET validation errors.</summary>
internal sealed record EstimateBudgetOutcome(EstimateBudgetResponse? Estimate, IReadOnlyDictionary<string, string[]> Errors)
{
    public static EstimateBudgetOutcome Invalid(Dictionary<string, string[]> errors) => new(null, errors);

    public static EstimateBudgetOutcome Success(EstimateBudgetResponse estimate) => new(estimate, new Dictionary<string, string[]>());
}
