using System.CommandLine;
using Spectre.Console;

namespace Payung.Cli;

/// <summary>
/// Where one invocation writes: results to <see cref="Out"/> (Spectre.Console over the invocation's
/// output), failures and logs to <see cref="Error"/> as plain lines.
/// </summary>
internal sealed class CliConsole
{
    // Wide enough that no rule message is wrapped; tables still size to their content.
    private const int PlainTextWidth = 240;

    private CliConsole(IAnsiConsole output, TextWriter error)
    {
        Out = output;
        Error = error;
    }

    public IAnsiConsole Out { get; }

    public TextWriter Error { get; }

    public static CliConsole For(ParseResult parseResult)
    {
        var config = parseResult.InvocationConfiguration;
        return new CliConsole(CreateAnsiConsole(config.Output), config.Error);
    }

    /// <summary>Runs a long step under a spinner on a terminal; elsewhere the step just runs, adding nothing to the output.</summary>
    public async Task<T> StatusAsync<T>(string status, Func<Task<T>> step) =>
        Out.Profile.Capabilities.Interactive
            ? await Out.Status().StartAsync(Markup.Escape(status), _ => step())
            : await step();

    public void Fail(string message) => Error.WriteLine($"payung: {message.ReplaceLineEndings(" ")}");

    private static IAnsiConsole CreateAnsiConsole(TextWriter writer)
    {
        // Only a real terminal gets colours, a spinner and wrapping at its width; a pipe, a file or a
        // captured writer (tests) gets plain text that scripts can read line by line.
        var terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = PlainTextWidth;
        }

        return console;
    }
}
