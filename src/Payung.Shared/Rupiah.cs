using System.Globalization;

namespace Payung.Shared;

/// <summary>An amount of money in whole rupiah. Contributions, benefits and budgets are never fractional.</summary>
public readonly record struct Rupiah(long Value) : IComparable<Rupiah>
{
    public static Rupiah Zero => default;

    public static Rupiah Of(long value) => new(value);

    /// <summary>
    /// The one place where a fractional amount becomes money. Contributions are a rate times an income basis
    /// (1% of the basis for JKK, 2% for JHT), which can produce fractions, while BPJS bills and pays whole rupiah.
    /// Half a rupiah rounds away from zero (commercial rounding), so a refund rounds like the charge it reverses.
    /// </summary>
    public static Rupiah RoundFromDecimal(decimal amount)
    {
        var rounded = decimal.Round(amount, 0, MidpointRounding.AwayFromZero);
        return new Rupiah(checked((long)rounded));
    }

    public static Rupiah Sum(IEnumerable<Rupiah> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = 0L;
        foreach (var amount in amounts)
        {
            total = checked(total + amount.Value);
        }

        return new Rupiah(total);
    }

    public static Rupiah operator +(Rupiah left, Rupiah right) => new(checked(left.Value + right.Value));

    public static Rupiah operator -(Rupiah left, Rupiah right) => new(checked(left.Value - right.Value));

    public static Rupiah operator -(Rupiah amount) => new(checked(-amount.Value));

    public static Rupiah operator *(Rupiah amount, long factor) => new(checked(amount.Value * factor));

    public static Rupiah operator *(long factor, Rupiah amount) => new(checked(factor * amount.Value));

    public static bool operator <(Rupiah left, Rupiah right) => left.Value < right.Value;

    public static bool operator >(Rupiah left, Rupiah right) => left.Value > right.Value;

    public static bool operator <=(Rupiah left, Rupiah right) => left.Value <= right.Value;

    public static bool operator >=(Rupiah left, Rupiah right) => left.Value >= right.Value;

    public int CompareTo(Rupiah other) => Value.CompareTo(other.Value);

    /// <summary>Indonesian notation: <c>Rp16.800</c>, <c>-Rp16.800</c>.</summary>
    /// <remarks>
    /// Formatted by hand rather than with the id-ID culture: with invariant globalization (slim containers)
    /// or without ICU data that culture is missing or falls back to invariant, which would print "16,800".
    /// </remarks>
    public override string ToString()
    {
        // Unsigned magnitude, because -long.MinValue does not fit in a long.
        var magnitude = Value < 0 ? (ulong)(-(Value + 1)) + 1 : (ulong)Value;
        var digits = magnitude.ToString(CultureInfo.InvariantCulture);
        var separators = (digits.Length - 1) / 3;
        var sign = Value < 0 ? "-" : string.Empty;

        return string.Create(sign.Length + 2 + digits.Length + separators, (sign, digits), static (span, state) =>
        {
            var (sign, digits) = state;
            sign.AsSpan().CopyTo(span);
            span[sign.Length] = 'R';
            span[sign.Length + 1] = 'p';

            var position = span.Length - 1;
            for (var i = digits.Length - 1; i >= 0; i--)
            {
                span[position--] = digits[i];
                var fromRight = digits.Length - i;
                if (fromRight % 3 == 0 && i > 0)
                {
                    span[position--] = '.';
                }
            }
        });
    }
}
