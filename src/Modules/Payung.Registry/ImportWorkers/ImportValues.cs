using System.Globalization;
using Payung.Shared;

namespace Payung.Registry.ImportWorkers;

/// <summary>
/// Reads the formats of an import cell (dates, sex, money, codes) while the file streams, so the database
/// receives typed values next to the text as written. Only the format is read here: whether a value is
/// present, plausible, in scope or a duplicate is decided for all rows at once in SQL
/// (<see cref="MergeStagedWorkers"/>); an unreadable value arrives as null beside its text.
/// </summary>
internal static class ImportValues
{
    public static DateOnly? Date(string? text) => SheetValues.Date(text);

    public static string? Sex(string? text) => text?.ToLowerInvariant() switch
    {
        "l" or "lk" or "laki-laki" or "laki laki" or "lakilaki" or "pria" or "m" => "M",
        "p" or "pr" or "perempuan" or "wanita" or "f" => "F",
        _ => null,
    };

    public static string? Status(string? text) => text?.ToLowerInvariant() switch
    {
        "hidup" or "alive" => "alive",
        "meninggal" or "meninggal dunia" or "wafat" or "deceased" => "deceased",
        _ => null,
    };

    /// <summary>A village code in dotted form, from "18.01.06.2001" or "1801062001"; other text passes through to fail the lookup.</summary>
    public static string? Village(string? text) =>
        text is null ? null : RegionCode.TryParse(text, out var code) && code.Level == RegionLevel.Village ? code.Value : text;

    /// <summary>Digits with an optional leading +, spaces, dots, dashes and brackets removed; null when that is not 8–15 digits.</summary>
    public static string? Phone(string? text)
    {
        if (text is null)
        {
            return null;
        }

        Span<char> digits = stackalloc char[Math.Min(text.Length, 64)];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '.' or '-' or '(' or ')')
            {
                continue;
            }

            if (n == digits.Length || !(char.IsAsciiDigit(c) || (c == '+' && n == 0)))
            {
                return null;
            }

            digits[n++] = c;
        }

        var count = digits[0] == '+' ? n - 1 : n;
        return n > 0 && count is >= 8 and <= 15 ? new string(digits[..n]) : null;
    }

    public static long? Income(string? text) => SheetValues.Rupiah(text);

    public static short? Decile(string? text) =>
        short.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 10 ? d : null;

    /// <summary>"PP.RR" of a 16-digit NIK (the regency of first issue), for the region lookup in SQL.</summary>
    public static string? NikRegency(string? nik) => IsDigits16(nik) ? $"{nik![..2]}.{nik[2..4]}" : null;

    public static string? NikDistrict(string? nik) => IsDigits16(nik) ? $"{nik![..2]}.{nik[2..4]}.{nik[4..6]}" : null;

    private static bool IsDigits16(string? s) => s is { Length: 16 } && s.All(char.IsAsciiDigit);
}
