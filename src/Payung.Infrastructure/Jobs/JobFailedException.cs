namespace Payung.Infrastructure.Jobs;

/// <summary>
/// A failure that retrying cannot fix (a refused file, a missing input): the job becomes failed at once
/// with this stable code and Indonesian message instead of being retried.
/// </summary>
public sealed class JobFailedException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
