namespace Payung.Cli;

/// <summary>
/// An expected failure with a message meant for the operator: printed as one line on stderr,
/// without a stack trace, and turned into <see cref="ExitCodes.Failed"/>.
/// </summary>
internal sealed class CliFailureException(string message, Exception? innerException = null)
    : Exception(message, innerException);
