using System.CommandLine;
using Npgsql;

namespace Payung.Cli;

/// <summary>
/// Runs a command's work and turns expected failures into one line on stderr and an exit code, so an
/// operator never sees a stack trace for an unreachable database or a missing file.
/// </summary>
internal static class CommandActions
{
    public static void SetGuardedAction(
        this Command command, Func<ParseResult, CliConsole, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parseResult, ct) =>
        {
            var console = CliConsole.For(parseResult);
            try
            {
                return await action(parseResult, console, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                console.Fail("cancelled.");
                return ExitCodes.Cancelled;
            }
            catch (Exception e) when (DescribeExpected(e) is { } message)
            {
                console.Fail(message);
                return ExitCodes.Failed;
            }
            catch (Exception e)
            {
                console.Error.WriteLine($"payung: internal error, please report it with this text:{Environment.NewLine}{e}");
                return ExitCodes.InternalError;
            }
        });

    private static string? DescribeExpected(Exception e) => e switch
    {
        CliFailureException => e.Message,
        FileNotFoundException or DirectoryNotFoundException => e.Message,
        PostgresException { SqlState: PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName } pg =>
            $"The database schema is missing or outdated ({pg.MessageText}); run 'payung db migrate'.",
        PostgresException pg => $"Database error {pg.SqlState}: {pg.MessageText}",
        NpgsqlException => $"Database error: {CliDatabase.Messages(e)}",
        _ => null,
    };
}
