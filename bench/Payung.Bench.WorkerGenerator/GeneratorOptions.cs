using System.Globalization;

namespace Payung.Bench.WorkerGenerator;

internal sealed record GeneratorOptions(
    int Rows,
    int Seed,
    double BadFraction,
    string Format,
    string Out,
    IReadOnlyList<string> ExcludeNiksFrom,
    string? ReferenceOut,
    string RegionsDirectory,
    SexCodes SexCodes,
    bool InlineStrings,
    char Separator)
{
    public const string Usage = """
        Makes synthetic pekerja rentan for the import benchmark, streamed to a file.

        dotnet run --project bench/Payung.Bench.WorkerGenerator -c Release -- \
          --rows N --seed S [--bad-fraction 0.03] --format csv|xlsx --out FILE
          [--exclude-niks-from FILE]...   reserve the NIKs of earlier CSV files (keeps the new file disjoint)
          [--reference-out FILE]          csv only: the same rows minus those whose NIK text repeats an earlier
                                          row's, for psql \copy into a table with a unique NIK index
          [--regions DIR]                 Kemendagri CSVs (default: data/regions of the checkout)
          [--sex-codes LP|MF]             Jenis Kelamin as L/P (default, the import template's) or M/F
          [--xlsx-strings shared|inline]  xlsx text in a shared-string table (default, as Excel saves) or
                                          inline in the cells (as streaming writers save)

        Besides FILE it writes FILE.summary.json (counts per bad-row kind, reference rows, NIK checks) and
        FILE.bad.csv (row number, kind, detail of every bad row; row N is line N + 1 of a CSV).
        """;

    public static GeneratorOptions Parse(string[] args)
    {
        int? rows = null;
        int? seed = null;
        var badFraction = 0.03;
        string? format = null;
        string? output = null;
        string? referenceOut = null;
        string? regions = null;
        var sexCodes = SexCodes.Indonesian;
        var excludes = new List<string>();
        var inlineStrings = false;

        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--rows":
                    rows = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "--seed":
                    seed = int.Parse(Value(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                    break;
                case "--bad-fraction":
                    badFraction = double.Parse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture);
                    break;
                case "--format":
                    format = Value().ToLowerInvariant();
                    break;
                case "--out":
                    output = Value();
                    break;
                case "--exclude-niks-from":
                    excludes.Add(Value());
                    break;
                case "--reference-out":
                    referenceOut = Value();
                    break;
                case "--regions":
                    regions = Value();
                    break;
                case "--sex-codes":
                    sexCodes = Value().ToUpperInvariant() switch
                    {
                        "MF" => SexCodes.Stored,
                        "LP" => SexCodes.Indonesian,
                        var other => throw new ArgumentException($"--sex-codes is MF or LP, not {other}."),
                    };
                    break;
                case "--xlsx-strings":
                    inlineStrings = Value().ToLowerInvariant() switch
                    {
                        "shared" => false,
                        "inline" => true,
                        var other => throw new ArgumentException($"--xlsx-strings is shared or inline, not {other}."),
                    };
                    break;
                default:
                    throw new ArgumentException($"Unknown argument {args[i]}.");
            }
        }

        if (rows is null or < 1 || seed is null || format is null || output is null)
        {
            throw new ArgumentException("--rows (at least 1), --seed, --format and --out are required.");
        }

        if (format is not ("csv" or "xlsx"))
        {
            throw new ArgumentException("--format is csv or xlsx.");
        }

        if (badFraction is < 0 or > 1)
        {
            throw new ArgumentException("--bad-fraction is between 0 and 1.");
        }

        if (referenceOut is not null && format != "csv")
        {
            throw new ArgumentException("--reference-out is for csv only (psql \\copy reads CSV).");
        }

        return new GeneratorOptions(
            rows.Value, seed.Value, badFraction, format, output, excludes, referenceOut,
            regions ?? FindRegionsDirectory(), sexCodes, inlineStrings, ';');
    }

    private static string FindRegionsDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data", "regions");
                if (File.Exists(Path.Combine(candidate, "villages.csv")))
                {
                    return candidate;
                }
            }
        }

        throw new ArgumentException("data/regions/villages.csv not found above the current folder; pass --regions DIR.");
    }
}
