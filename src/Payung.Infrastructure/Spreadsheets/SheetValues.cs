using System.Globalization;
using System.Text.RegularExpressions;

namespace Payung.Infrastructure.Spreadsheets;

/// <summary>
/// Formats of cell text that several imports read the same way: dates and whole rupiah. An unreadable value is
/// null; whether it is required or plausible is the import's own rule.
/// </summary>
public static partial class SheetValues
{
    private static readonly string[] DayFirst = ["d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "dd-MM-yyyy", "d/MM/yyyy", "dd/M/yyyy", "d-MM-yyyy", "dd-M-yyyy"];

    /// <summary>yyyy-MM-dd, or d/M/yyyy and d-M-yyyy with one- or two-digit day and month.</summary>
    public static DateOnly? Date(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso;
        }

        return DateOnly.TryParseExact(text, DayFirst, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    /// <summary>Whole rupiah: "1500000", "1.500.000", "1,500,000", "Rp 1.500.000".</summary>
    public static long? Rupiah(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var s = text.Trim();
        if (s.StartsWith("rp", StringComparison.OrdinalIgnoreCase))
        {
            s = s[2..].TrimStart('.').TrimStart();
        }

        if (PlainDigits().IsMatch(s))
        {
            return long.Parse(s, CultureInfo.InvariantCulture);
        }

        return GroupedDigits().IsMatch(s) ? long.Parse(s.Replace(".", "").Replace(",", ""), CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex("^[0-9]{1,15}$")]
    private static partial Regex PlainDigits();

    [GeneratedRegex("^[0-9]{1,3}([.,][0-9]{3}){1,4}$")]
    private static partial Regex GroupedDigits();
}
