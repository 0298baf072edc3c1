namespace Payung.Programs.ManageProgrammes;

/// <summary>
/// An amount of a co-funded programme (e.g. 70% kabupaten / 30% province) as the two funders' parts. This is the one
/// place the split is computed, with one rounding rule: the co-funder's part is its share of the amount rounded down
/// to whole rupiah, and the main funder pays the remainder. So the parts always add up to the amount exactly, and a
/// co-funder is never asked for more than its share (at most Rp0.99 less).
/// </summary>
public sealed record CofundingSplit(long Funder, long Cofunder)
{
    /// <summary>Null when the programme has no co-funder (<paramref name="cofunderSharePercent"/> null).</summary>
    public static CofundingSplit? Of(long amount, decimal? cofunderSharePercent)
    {
        if (cofunderSharePercent is not { } percent)
        {
            return null;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (percent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(cofunderSharePercent), percent, "A co-funder's share is a percentage from 0 to 100.");
        }

        var cofunder = (long)decimal.Floor(amount * percent / 100m);
        return new CofundingSplit(amount - cofunder, cofunder);
    }
}
