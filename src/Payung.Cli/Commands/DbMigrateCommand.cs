using System.CommandLine;
using Payung.Infrastructure;
using Spectre.Console;

namespace Payung.Cli.Commands;

/// <summary><c>payung db migrate</c>: applies the migrations embedded in this build that the database lacks.</summary>
internal static class DbMigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply pending schema migrations (the SQL scripts of db/migrations).");
        command.SetGuardedAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CliConsole console, CancellationToken ct)
    {
        await using var db = await CliDatabase.OpenAsync(parseResult, console, ct);
        console.Out.MarkupLineInterpolated($"Database: {db.Target} ({db.Source})");
        var applied = await console.StatusAsync("Applying migrations…", () => MigrateAsync(db, ct));
        foreach (var version in applied)
        {
            console.Out.MarkupLineInterpolated($"[green]Applied[/] {version}");
        }

        console.Out.MarkupLine(applied.Count == 0
            ? "Database is up to date."
            : $"{applied.Count} migration(s) applied; database is up to date.");
        return ExitCodes.Ok;
    }

    internal static async Task<IReadOnlyList<string>> MigrateAsync(CliDatabase db, CancellationToken ct)
    {
        try
        {
            return await db.Get<MigrationRunner>().MigrateAsync(ct);
        }
        catch (InvalidOperationException e)
        {
            // The runner refuses a script that changed after it was applied; that is the operator's to resolve.
            throw new CliFailureException(e.Message, e);
        }
    }
}
