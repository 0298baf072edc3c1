namespace Payung.Shared;

/// <summary>One broken or doubtful rule: a stable English <paramref name="Code"/> for programs and an Indonesian
/// <paramref name="Message"/> for the operator.</summary>
public sealed record RuleMessage(string Code, string Message);
