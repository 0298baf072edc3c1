using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Payung.Shared;

/// <summary>
/// A calendar month for which a contribution (iuran) is due, e.g. <c>2025-05</c>. Modelled on NodaTime's
/// <c>YearMonth</c>: it has no day and no time zone, so "which month is this payment for" cannot drift.
/// </summary>
public readonly struct ContributionMonth
    : IEquatable<ContributionMonth>, IComparable<ContributionMonth>, IComparable, IParsable<ContributionMonth>
{
    public const int MinYear = 1900;
    public const int MaxYear = 2999;
    private const int MaxIndex = (MaxYear - MinYear + 1) * 12 - 1;

    // Months since January 1900 rather than separate year and month fields, so that default(ContributionMonth)
    // is a real month (1900-01) instead of an impossible month 0, and month arithmetic is plain integer arithmetic.
    private readonly int _index;

    public ContributionMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        _index = (year - MinYear) * 12 + (month - 1);
    }

    private ContributionMonth(int index) => _index = index;

    public int Year => MinYear + _index / 12;

    public int Month => _index % 12 + 1;

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    public static ContributionMonth FromDate(DateOnly date) => new(date.Year, date.Month);

    /// <summary>For months stored as the date of their first day.</summary>
    public static ContributionMonth FromFirstDay(DateOnly firstDay)
    {
        if (firstDay.Day != 1)
        {
            throw new ArgumentException(
                $"A contribution month is stored as the first day of the month, but {firstDay:yyyy-MM-dd} is not a first day.",
                nameof(firstDay));
        }

        return FromDate(firstDay);
    }

    public ContributionMonth PlusMonths(int months)
    {
        var index = (long)_index + months;
        if (index is < 0 or > MaxIndex)
        {
            throw new ArgumentOutOfRangeException(
                nameof(months), months, $"{this} plus {months} months falls outside {MinYear}-01..{MaxYear}-12.");
        }

        return new ContributionMonth((int)index);
    }

    /// <summary>Signed number of months from this month to <paramref name="other"/>: 2025-12 until 2026-02 is 2.</summary>
    public int MonthsUntil(ContributionMonth other) => other._index - _index;

    public static ContributionMonth Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, out var month)
            ? month
            : throw new FormatException($"'{s}' is not a contribution month in the form yyyy-MM ({MinYear}-01..{MaxYear}-12).");
    }

    public static ContributionMonth Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Accepts exactly <c>yyyy-MM</c>: four-digit year, dash, two-digit month, nothing around it.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out ContributionMonth result)
    {
        result = default;
        if (s is not { Length: 7 } || s[4] != '-')
        {
            return false;
        }

        for (var i = 0; i < 7; i++)
        {
            if (i != 4 && !char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        var year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        var month = (s[5] - '0') * 10 + (s[6] - '0');
        if (year is < MinYear or > MaxYear || month is < 1 or > 12)
        {
            return false;
        }

        result = new ContributionMonth(year, month);
        return true;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ContributionMonth result) =>
        TryParse(s, out result);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    public bool Equals(ContributionMonth other) => _index == other._index;

    public override bool Equals(object? obj) => obj is ContributionMonth other && Equals(other);

    public override int GetHashCode() => _index;

    public int CompareTo(ContributionMonth other) => _index.CompareTo(other._index);

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        ContributionMonth other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(ContributionMonth)}.", nameof(obj)),
    };

    public static bool operator ==(ContributionMonth left, ContributionMonth right) => left._index == right._index;

    public static bool operator !=(ContributionMonth left, ContributionMonth right) => left._index != right._index;

    public static bool operator <(ContributionMonth left, ContributionMonth right) => left._index < right._index;

    public static bool operator >(ContributionMonth left, ContributionMonth right) => left._index > right._index;

    public static bool operator <=(ContributionMonth left, ContributionMonth right) => left._index <= right._index;

    public static bool operator >=(ContributionMonth left, ContributionMonth right) => left._index >= right._index;
}
