using System.CommandLine;
using Npgsql;

namespace Payung.Cli;

/// <summary>Options every command accepts, before or after the command name.</summary>
internal static class GlobalOptions
{
    public static Option<string?> Database { get; } = new("--db")
    {
        Description = "PostgreSQL connection string to use instead of PAYUNG_DB or the embedded cluster.",
        HelpName = "CONNECTION_STRING",
        Recursive = true,
        CustomParser = result =>
        {
            var value = result.Tokens.Single().Value;
            try
            {
                _ = new NpgsqlConnectionStringBuilder(value);
                return value;
            }
            catch (ArgumentException e)
            {
                // Npgsql names the offending keyword; the value itself is never echoed, it may hold a password.
                result.AddError($"--db is not a valid connection string: {e.Message}");
                return null;
            }
        },
    };

    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Also log informational messages (cluster start, migrations applied) to stderr.",
        Recursive = true,
    };
}
