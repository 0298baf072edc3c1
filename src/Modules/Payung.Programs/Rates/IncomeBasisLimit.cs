using Payung.Shared;

namespace Payung.Programs.Rates;

/// <summary>The lowest and highest monthly income a BPU participant's contribution is computed on.</summary>
internal sealed record IncomeBasisLimit(string Version, Rupiah Min, Rupiah Max, ContributionMonth From, ContributionMonth? To)
{
    public bool AppliesTo(ContributionMonth month) => From <= month && (To is not { } to || month <= to);

    /// <summary>
    /// The one place a worker's actual income becomes a contribution basis (DOMAIN "Contributions"): below the
    /// minimum pays on the minimum, above the maximum on the maximum, in between on the reported income; no income
    /// means the minimum. When the income levels of PP 44/2015 Lampiran II are entered as data, the in-between case
    /// picks the level here, and nowhere else changes.
    /// </summary>
    public IncomeBasis Place(Rupiah? monthlyIncome)
    {
        if (monthlyIncome is not { } income)
        {
            return new IncomeBasis(Min, IncomeBasisRule.NotReported, null, Version);
        }

        // Callers check what people type; a non-positive income reaching here is a programming error.
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(income.Value, 0, nameof(monthlyIncome));
        return income < Min ? new IncomeBasis(Min, IncomeBasisRule.BelowMinimum, income, Version)
            : income > Max ? new IncomeBasis(Max, IncomeBasisRule.AboveMaximum, income, Version)
            : new IncomeBasis(income, IncomeBasisRule.Reported, income, Version);
    }
}
