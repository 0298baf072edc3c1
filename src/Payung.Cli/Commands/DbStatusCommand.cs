using System.CommandLine;
using Npgsql;
using Payung.Infrastructure;
using Spectre.Console;

namespace Payung.Cli.Commands;

/// <summary><c>payung db status</c>: which database the tools would use and whether it needs migrating.</summary>
internal static class DbStatusCommand
{
    public static Command Create()
    {
        var command = new Command(
            "status", "Show the database in use (never its password) and the pending migrations; exit code 3 when some are pending.");
        command.SetGuardedAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CliConsole console, CancellationToken ct)
    {
        await using var db = await CliDatabase.OpenAsync(parseResult, console, ct);
        var pending = await db.Get<MigrationRunner>().PendingAsync(ct);
        var serverVersion = await ServerVersionAsync(db, ct);

        var table = new Table().HideHeaders().Border(TableBorder.Rounded)
            .AddColumn("Item").AddColumn("Value");
        table.AddRow("Database", Markup.Escape(db.Target));
        table.AddRow("Source", Markup.Escape(db.Source));
        table.AddRow("Server", Markup.Escape($"PostgreSQL {serverVersion}"));
        table.AddRow("Migrations", $"{MigrationRunner.Embedded.Count - pending.Count} applied, {pending.Count} pending");
        console.Out.Write(table);

        if (pending.Count == 0)
        {
            console.Out.MarkupLine("[green]No pending migrations.[/]");
            return ExitCodes.Ok;
        }

        console.Out.MarkupLine("[yellow]Pending migrations[/] (apply with 'payung db migrate'):");
        foreach (var version in pending)
        {
            console.Out.MarkupLineInterpolated($"  {version}");
        }

        return ExitCodes.MigrationsPending;
    }

    private static async Task<string> ServerVersionAsync(CliDatabase db, CancellationToken ct)
    {
        await using var cmd = db.Get<NpgsqlDataSource>().CreateCommand("select current_setting('server_version')");
        return (string)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
