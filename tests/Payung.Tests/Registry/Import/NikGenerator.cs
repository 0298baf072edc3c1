using System.Globalization;
using Payung.Shared;

namespace Payung.Tests.Registry.Import;

/// <summary>
/// Valid NIKs for import tests: a district, a birth date and a sex encoded as the rules say, and a serial
/// from 7000 up, counted for the whole test run, so no two NIKs repeat and none collides with the low
/// serials other tests write by hand. Birth dates come from a seeded Random.
/// </summary>
internal sealed class NikGenerator(int seed)
{
    private static int serial = 7000;
    private readonly Random random = new(seed);

    public const string District = "18.01.06"; // Kalianda, Lampung Selatan

    public (string Nik, DateOnly BirthDate, Sex Sex) Next(string district = District)
    {
        var birth = new DateOnly(1960, 1, 1).AddDays(random.Next(0, 365 * 40));
        var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
        return (Make(district, birth, sex), birth, sex);
    }

    public static string Make(string district, DateOnly birth, Sex sex)
    {
        var next = Interlocked.Increment(ref serial);
        if (next > 9999)
        {
            throw new InvalidOperationException("The test run used up the NIK serials of this generator.");
        }

        var day = birth.Day + (sex == Sex.Female ? 40 : 0);
        return string.Create(CultureInfo.InvariantCulture,
            $"{district.Replace(".", "")}{day:00}{birth.Month:00}{birth.Year % 100:00}{next:0000}");
    }

    /// <summary>Asserts the NIK passes every rule, with the birth date and sex it was made for.</summary>
    public static void AssertValid(string nik, DateOnly birth, Sex sex, IRegionCodeLookup regions)
    {
        var result = NikRules.Check(nik, new DateOnly(2026, 1, 1), birth, sex, regions);
        Assert.True(result.Valid && result.Warnings.Count == 0,
            $"{nik}: {string.Join(", ", result.Errors.Concat(result.Warnings).Select(e => e.Code))}");
    }
}
