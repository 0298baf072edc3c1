using System.Globalization;
using Payung.Shared;

namespace Payung.Bench.WorkerGenerator;

/// <summary>
/// Checks the generator against the application's own <see cref="NikRules"/>: a sample of good rows must pass
/// with no error and no warning (birth date, sex and district agree), and every spoilt NIK must be rejected.
/// A generator whose "good" rows the import would flag would time the wrong path.
/// </summary>
internal sealed class NikSampleCheck
{
    private readonly RegionData regions;
    private readonly SexCodes sexCodes;
    private readonly DateOnly today = DateOnly.FromDateTime(DateTime.Today);
    private readonly List<string> failures = [];

    public NikSampleCheck(RegionData regions, SexCodes sexCodes)
    {
        this.regions = regions;
        this.sexCodes = sexCodes;
    }

    public int GoodChecked { get; private set; }

    public int BadChecked { get; private set; }

    public IReadOnlyList<string> Failures => failures;

    public static bool IsSampled(long rowNumber) => rowNumber <= 200 || rowNumber % 499 == 0;

    public void CheckGood(WorkerRow row, long rowNumber)
    {
        GoodChecked++;
        var nik = row[ImportColumns.Nik].Text;
        var declaredBirth = DateOnly.ParseExact(row[ImportColumns.BirthDate].Text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var declaredSex = row[ImportColumns.Sex].Text == sexCodes.Female ? Sex.Female : Sex.Male;
        var result = NikRules.Check(nik, today, declaredBirth, declaredSex, regions);
        var village = row[ImportColumns.VillageCode].Text;
        if (!result.Valid || result.Warnings.Count > 0 || result.DistrictCode?.Value != village[..8] || !regions.Exists(village))
        {
            Fail(rowNumber, nik, "good row: " + string.Join(", ", result.Errors.Concat(result.Warnings).Select(m => m.Code))
                + $" district {result.DistrictCode} village {village}");
        }
    }

    public void CheckBad(WorkerRow row, long rowNumber)
    {
        var nik = row[ImportColumns.Nik].Text;
        var expectsNikError = row.BadKind == BadRowKind.BadNik
            || (row.BadKind == BadRowKind.UnknownRegion && row.BadDetail!.StartsWith("NIK", StringComparison.Ordinal));
        var expectsVillageUnknown = row.BadKind == BadRowKind.UnknownRegion && !expectsNikError;
        if (!expectsNikError && !expectsVillageUnknown)
        {
            return;
        }

        BadChecked++;
        if (expectsNikError && NikRules.Check(nik, today, null, null, regions).Valid)
        {
            Fail(rowNumber, nik, $"spoilt NIK ({row.BadDetail}) passes NikRules");
        }

        if (expectsVillageUnknown && regions.Exists(row[ImportColumns.VillageCode].Text))
        {
            Fail(rowNumber, nik, $"unknown village {row[ImportColumns.VillageCode].Text} is on the list");
        }
    }

    private void Fail(long rowNumber, string nik, string what)
    {
        if (failures.Count < 20)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"row {rowNumber} NIK {nik}: {what}"));
        }
    }
}
