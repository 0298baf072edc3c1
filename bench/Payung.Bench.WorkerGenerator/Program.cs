using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Payung.Bench.WorkerGenerator;

GeneratorOptions options;
try
{
    options = GeneratorOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine($"worker-generator: {e.Message}");
    Console.Error.WriteLine(GeneratorOptions.Usage);
    return 2;
}

var clock = Stopwatch.StartNew();
var regions = RegionData.Load(options.RegionsDirectory);
var serials = new NikSerials();
foreach (var path in options.ExcludeNiksFrom)
{
    serials.ReserveFrom(path, options.Separator);
}

// One seeded generator for everything, so a (seed, rows, exclusions) triple always gives the same file.
var random = new Random(options.Seed);
var factory = new WorkerFactory(regions, serials, random, options.SexCodes);
var corrupter = new RowCorrupter(regions, random);
var check = new NikSampleCheck(regions, options.SexCodes);
var badKinds = Enum.GetValues<BadRowKind>();
var badCounts = badKinds.ToDictionary(k => k, _ => 0L);
long goodRows = 0;
long referenceRows;

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Out))!);
using (var badList = new StreamWriter(options.Out + ".bad.csv"))
{
    badList.WriteLine("row;kind;detail");
    IWorkerFileWriter writer = options.Format == "csv"
        ? new CsvWorkerFileWriter(options.Out, options.ReferenceOut, options.Separator)
        : new XlsxWorkerFileWriter(options.Out, ImportColumns.Headers.Length, options.InlineStrings);
    using (writer)
    {
        writer.WriteHeader(ImportColumns.Headers);
        for (long rowNumber = 1; rowNumber <= options.Rows; rowNumber++)
        {
            var row = factory.Create();
            if (random.NextDouble() < options.BadFraction)
            {
                var kind = badKinds[random.Next(badKinds.Length)];
                if (kind == BadRowKind.DuplicateInFile && !corrupter.CanDuplicate)
                {
                    kind = BadRowKind.BadNik;
                }

                row = corrupter.Spoil(row, kind);
                check.CheckBad(row, rowNumber);
                badCounts[kind]++;
                badList.Write(rowNumber.ToString(CultureInfo.InvariantCulture));
                badList.Write(';');
                badList.Write(kind);
                badList.Write(';');
                badList.WriteLine(Sanitise(row.BadDetail ?? ""));
            }
            else
            {
                goodRows++;
                corrupter.Remember(row);
                if (NikSampleCheck.IsSampled(rowNumber))
                {
                    check.CheckGood(row, rowNumber);
                }
            }

            writer.WriteRow(row);
        }
    }

    referenceRows = writer is CsvWorkerFileWriter csv ? csv.ReferenceRows : 0;
}

clock.Stop();
var summary = new
{
    rows = options.Rows,
    seed = options.Seed,
    format = options.Format,
    badFraction = options.BadFraction,
    goodRows,
    badRows = options.Rows - goodRows,
    badByKind = badCounts.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value),
    referenceOut = options.ReferenceOut,
    referenceRows = options.ReferenceOut is null ? (long?)null : referenceRows,
    reservedNiks = serials.Reserved,
    nikCheck = new { goodSampled = check.GoodChecked, badChecked = check.BadChecked, failures = check.Failures },
    fileBytes = new FileInfo(options.Out).Length,
    seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
    peakWorkingSetMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),
};
await File.WriteAllTextAsync(options.Out + ".summary.json", JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{options.Out}: {options.Rows} rows ({goodRows} good, {options.Rows - goodRows} bad: " +
    $"{string.Join(", ", badCounts.Select(kv => $"{kv.Key} {kv.Value}"))}) in {clock.Elapsed.TotalSeconds:0.0} s"));
if (options.ReferenceOut is not null)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{options.ReferenceOut}: {referenceRows} rows (the {options.Rows - referenceRows} rows repeating an earlier NIK text left out)"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"NikRules: {check.GoodChecked} good NIKs sampled, {check.BadChecked} spoilt NIKs/villages checked, {check.Failures.Count} failures"));
foreach (var failure in check.Failures)
{
    Console.Error.WriteLine("  " + failure);
}

return check.Failures.Count == 0 ? 0 : 3;

// The bad-row list is for people and scripts: one line per row, whatever the detail holds.
static string Sanitise(string detail) =>
    new(detail.Select(c => char.IsControl(c) || c == ';' ? ' ' : c).ToArray());
