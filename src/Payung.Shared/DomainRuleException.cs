namespace Payung.Shared;

/// <summary>
/// A business rule refused the request (e.g. <c>enrollment.overlapping_funding</c>). The web host maps it to
/// ProblemDetails with <see cref="Status"/>, <see cref="Code"/> and the Indonesian message shown to the operator.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string code, string message, int status = 422)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 499);
        Code = code;
        Status = status;
    }

    public string Code { get; }

    public int Status { get; }
}
