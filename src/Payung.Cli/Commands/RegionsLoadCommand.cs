using System.CommandLine;
using Payung.Regions.LoadRegions;
using Spectre.Console;

namespace Payung.Cli.Commands;

/// <summary>
/// <c>payung regions load</c>: migrates, then loads the official region list. Loading the same files
/// again changes nothing, so it is safe to run on every deployment.
/// </summary>
internal static class RegionsLoadCommand
{
    public static Command Create()
    {
        var directory = new Option<DirectoryInfo>("--dir")
        {
            Description = "Folder holding provinces.csv, regencies.csv, districts.csv and villages.csv " +
                          "(default: PAYUNG_REGIONS_DIR, else the copy shipped with this build).",
            HelpName = "DIR",
        };
        directory.AcceptExistingOnly();

        var command = new Command(
            "load", $"Load the official Kemendagri region list ({LoadRegions.DatasetName} {LoadRegions.DatasetVersion}), migrating first.")
        {
            directory,
        };
        command.SetGuardedAction((parseResult, console, ct) =>
            RunAsync(parseResult.GetValue(directory)?.FullName ?? Environment.GetEnvironmentVariable("PAYUNG_REGIONS_DIR"),
                parseResult, console, ct));
        return command;
    }

    private static async Task<int> RunAsync(string? directory, ParseResult parseResult, CliConsole console, CancellationToken ct)
    {
        await using var db = await CliDatabase.OpenAsync(parseResult, console, ct);
        console.Out.MarkupLineInterpolated($"Database: {db.Target} ({db.Source})");
        var applied = await console.StatusAsync("Applying migrations…", () => DbMigrateCommand.MigrateAsync(db, ct));
        foreach (var version in applied)
        {
            console.Out.MarkupLineInterpolated($"[green]Applied[/] {version}");
        }

        var result = await console.StatusAsync(
            "Loading regions…", () => db.Get<LoadRegions>().ExecuteAsync(string.IsNullOrWhiteSpace(directory) ? null : directory, ct));

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Level").AddColumn(new TableColumn("Count").RightAligned());
        table.AddRow("Provinces", Count(result.Counts.Provinces));
        table.AddRow("Regencies", Count(result.Counts.Regencies));
        table.AddRow("Districts", Count(result.Counts.Districts));
        table.AddRow("Villages", Count(result.Counts.Villages));
        console.Out.Write(table);
        console.Out.MarkupLine(result.Loaded
            ? $"[green]Regions loaded[/] ({LoadRegions.DatasetName} {LoadRegions.DatasetVersion})."
            : $"Regions unchanged: {LoadRegions.DatasetName} {LoadRegions.DatasetVersion} with these files is already loaded.");
        return ExitCodes.Ok;
    }

    // Plain digits, no grouping separator: scripts read these numbers.
    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
