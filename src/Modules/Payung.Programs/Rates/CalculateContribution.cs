using Payung.Shared;

namespace Payung.Programs.Rates;

/// <summary>
/// The monthly contribution of one participant: rate × basis (or flat amount), less any discount the funding
/// source qualifies for, rounded to whole rupiah per component. Everything regulated comes from the
/// <see cref="RateTable"/>, so this is the only place contribution amounts are computed and rounded.
/// </summary>
internal static class CalculateContribution
{
    /// <summary>
    /// Null when no rate or income-basis table is in force for the month. <paramref name="monthlyIncome"/> is placed
    /// on the basis by <see cref="IncomeBasisLimit.Place"/> (null means the minimum basis, which is what regional
    /// programmes pay for); the quote says which basis it used.
    /// </summary>
    public static ContributionQuote? ForMonth(
        RateTable rates,
        IReadOnlyCollection<ContributionComponent> components,
        Rupiah? monthlyIncome,
        FundingSource fundingSource,
        string? sector,
        ContributionMonth month)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(fundingSource);
        if (rates.BasisLimitFor(month) is not { } limit)
        {
            return null;
        }

        var placed = limit.Place(monthlyIncome);
        var basis = placed.Amount;
        var amounts = new SortedDictionary<ContributionComponent, Rupiah>();
        var versions = new List<string>();
        var discountVersions = new List<string>();
        foreach (var component in components.Distinct().Order())
        {
            if (rates.RateFor(component, month) is not { } rate)
            {
                return null;
            }

            var amount = rate.IsPercentOfBasis ? basis.Value * rate.Value / 100m : rate.Value;
            versions.Add(rate.Version);
            if (fundingSource.DiscountApplies && rates.DiscountFor(component, sector, month) is { } discount)
            {
                amount *= 1m - discount.Percent / 100m;
                if (!discountVersions.Contains(discount.Version))
                {
                    discountVersions.Add(discount.Version);
                }
            }

            amounts[component] = Rupiah.RoundFromDecimal(amount);
        }

        return new ContributionQuote(
            month,
            amounts,
            Rupiah.Sum(amounts.Values),
            string.Join(';', versions.Concat(discountVersions)),
            placed);
    }
}
