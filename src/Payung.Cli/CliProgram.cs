using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Payung.Cli.Commands;

namespace Payung.Cli;

/// <summary>
/// The <c>payung</c> command. Each subcommand is a thin adapter over a use-case class of the modules;
/// <see cref="RunAsync"/> lets tests run a command line in-process and capture what it writes.
/// </summary>
public static class CliProgram
{
    public static Task<int> Main(string[] args) =>
        RunAsync(args, Console.Out, Console.Error, handleTermination: true, CancellationToken.None);

    /// <summary>Parses and runs one command line, writing results to <paramref name="output"/> and failures to
    /// <paramref name="error"/>; returns the exit code (see <c>payung --help</c>).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default) =>
        RunAsync(args, output, error, handleTermination: false, ct);

    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand(
            "Payung: social-security enrolment for informal workers — database, reference data and NIK tools."
            + Environment.NewLine + ExitCodes.Help)
        {
            GlobalOptions.Database,
            GlobalOptions.Verbose,
            Group("db", "Database schema: apply and inspect migrations.", DbMigrateCommand.Create(), DbStatusCommand.Create()),
            Group("regions", "Official Kemendagri region list (provinces, regencies, districts, villages).", RegionsLoadCommand.Create()),
            Group("nik", "NIK (Nomor Induk Kependudukan) tools.", NikCheckCommand.Create()),
            Group("users", "People who sign in.", UsersAddAdminCommand.Create()),
            Group("import", "Bulk imports run as background jobs in this process, with a progress bar.", ImportWorkersCommand.Create()),
            Group("billing", "Monthly bills of the funding programmes, run in this process with a progress bar.", BillingRunCommand.Create()),
        };
        ShowHelpWhenNoSubcommand(root);
        return root;
    }

    private static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, bool handleTermination, CancellationToken ct)
    {
        var parseResult = BuildRootCommand().Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            // System.CommandLine would print the whole help and exit with 1, which here means "NIK invalid".
            foreach (var parseError in parseResult.Errors)
            {
                error.WriteLine($"payung: {parseError.Message}");
            }

            error.WriteLine($"See '{CommandPath(parseResult.CommandResult)} --help'.");
            return ExitCodes.BadArguments;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        if (!handleTermination)
        {
            // In-process callers own Ctrl+C; only the real process turns it into cancellation.
            configuration.ProcessTerminationTimeout = null;
        }

        return await parseResult.InvokeAsync(configuration, ct);
    }

    private static Command Group(string name, string description, params Command[] subcommands)
    {
        var group = new Command(name, description);
        foreach (var subcommand in subcommands)
        {
            group.Add(subcommand);
        }

        return group;
    }

    /// <summary><c>payung</c> or <c>payung db</c> alone prints the help of that level and exits with 2.</summary>
    private static void ShowHelpWhenNoSubcommand(Command command)
    {
        if (command.Subcommands.Count == 0)
        {
            return;
        }

        command.SetAction(parseResult =>
        {
            new HelpAction().Invoke(parseResult);
            return ExitCodes.BadArguments;
        });
        foreach (var subcommand in command.Subcommands)
        {
            ShowHelpWhenNoSubcommand(subcommand);
        }
    }

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? current = command; current is not null; current = current.Parent)
        {
            if (current is CommandResult { Command: var c } && c is not RootCommand)
            {
                names.Add(c.Name);
            }
        }

        names.Add("payung");
        names.Reverse();
        return string.Join(' ', names);
    }
}
