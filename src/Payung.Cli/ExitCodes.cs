namespace Payung.Cli;

/// <summary>
/// Exit codes of the <c>payung</c> command. Scripts branch on them, so they never change meaning;
/// the root command's help lists them.
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The checked NIK breaks at least one rule.</summary>
    public const int NikInvalid = 1;

    /// <summary>Unknown command or option, missing argument, malformed value.</summary>
    public const int BadArguments = 2;

    /// <summary><c>db status</c> found migrations this build would apply.</summary>
    public const int MigrationsPending = 3;

    /// <summary>The work could not be done: database unreachable, region files missing, migration conflict.</summary>
    public const int Failed = 4;

    /// <summary>A defect in the tool itself; the full exception is printed for the bug report (sysexits EX_SOFTWARE).</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted with Ctrl+C, as shells report a SIGINT.</summary>
    public const int Cancelled = 130;

    public const string Help = """
        Exit codes: 0 success; 1 NIK invalid; 2 bad arguments; 3 migrations pending;
        4 failed (database unreachable, files missing); 70 internal error; 130 cancelled.
        """;
}
