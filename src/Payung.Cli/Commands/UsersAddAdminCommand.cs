using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Payung.Access.AddNationalAdmin;

namespace Payung.Cli.Commands;

/// <summary>
/// <c>payung users add-admin USERNAME</c>: the first national administrator of an installation. The
/// password comes from PAYUNG_ADMIN_PASSWORD or the first line of standard input, never an argument
/// (arguments show in process lists and shell history).
/// </summary>
internal static class UsersAddAdminCommand
{
    public static Command Create()
    {
        var username = new Argument<string>("USERNAME") { Description = "Username (3–40 characters: a–z, 0–9, '.', '_', '-')." };
        var name = new Option<string>("--name") { Description = "Display name.", HelpName = "NAME" };
        var command = new Command("add-admin", "Create a national administrator; password from PAYUNG_ADMIN_PASSWORD or standard input.")
        {
            username,
            name,
        };
        command.SetGuardedAction(async (parseResult, console, ct) =>
        {
            var password = Environment.GetEnvironmentVariable("PAYUNG_ADMIN_PASSWORD");
            if (string.IsNullOrEmpty(password))
            {
                password = Console.IsInputRedirected ? Console.In.ReadLine() : null;
            }

            if (string.IsNullOrEmpty(password))
            {
                throw new CliFailureException("No password: set PAYUNG_ADMIN_PASSWORD or pipe it on standard input.");
            }

            await using var db = await CliDatabase.OpenAsync(parseResult, console, ct);
            await DbMigrateCommand.MigrateAsync(db, ct);
            using var scope = db.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<AddNationalAdmin>()
                .ExecuteAsync(parseResult.GetValue(username)!, parseResult.GetValue(name) ?? "", password, ct);
            if (result.Outcome != AddNationalAdminOutcome.Created)
            {
                throw new CliFailureException(result.Message);
            }

            console.Out.MarkupLineInterpolated($"[green]{result.Message}[/]");
            return ExitCodes.Ok;
        });
        return command;
    }
}
