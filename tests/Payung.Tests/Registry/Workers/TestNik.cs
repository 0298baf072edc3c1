using System.Globalization;
using Payung.Shared;

namespace Payung.Tests.Registry.Workers;

/// <summary>
/// NIKs that <see cref="NikRules"/> accepts and no other test in the run holds: the district and birth date a test
/// asks for, 40 added to the day for women, and a serial from a seeded generator (serials from 1000, above the
/// small fixed ones other tests write by hand). Every NIK issued in the process is remembered, so two tests
/// asking for the same district and birth date still get two NIKs.
/// </summary>
public static class TestNik
{
    private static readonly Random Serials = new(20260401);
    private static readonly HashSet<string> Issued = [];
    private static readonly Lock Gate = new();

    /// <param name="district">A kecamatan code, dotted (<c>18.01.06</c>) or not.</param>
    public static string For(string district, DateOnly birthDate, Sex sex)
    {
        var prefix = district.Replace(".", "", StringComparison.Ordinal);
        var day = birthDate.Day + (sex == Sex.Female ? 40 : 0);
        var encoded = string.Create(CultureInfo.InvariantCulture, $"{prefix}{day:00}{birthDate.Month:00}{birthDate.Year % 100:00}");
        lock (Gate)
        {
            while (true)
            {
                var nik = encoded + Serials.Next(1000, 10000).ToString("0000", CultureInfo.InvariantCulture);
                if (Issued.Add(nik))
                {
                    return nik;
                }
            }
        }
    }

    /// <summary>A birth date between 1960 and 2004 from the same seeded generator: adults of working age.</summary>
    public static DateOnly BirthDate()
    {
        lock (Gate)
        {
            return new DateOnly(1960, 1, 1).AddDays(Serials.Next(0, 45 * 365));
        }
    }

    /// <summary>The same NIK with one digit changed at <paramref name="position"/> (1-based), for the typo rule.</summary>
    public static string WithDigit(string nik, int position, char digit)
    {
        var chars = nik.ToCharArray();
        chars[position - 1] = digit;
        var changed = new string(chars);
        lock (Gate)
        {
            Issued.Add(changed);
        }

        return changed;
    }

    /// <summary>
    /// A name no other test uses: <paramref name="given"/> and a family name of ten letters from the seeded generator
    /// (letters only, so normalisation keeps it whole).
    /// </summary>
    public static string UniqueName(string given)
    {
        lock (Gate)
        {
            var letters = Enumerable.Range(0, 10).Select(_ => (char)('a' + Serials.Next(26))).ToArray();
            letters[0] = char.ToUpperInvariant(letters[0]);
            return $"{given} {new string(letters)}";
        }
    }
}
