namespace Payung.Programs.EndEnrollment;

/// <summary>
/// <see cref="Reason"/>: death, moved, wage_earner, withdrawn or other. <see cref="LastMonth"/> (yyyy-MM) is the last
/// month the programme still pays; every later month is released.
/// </summary>
public sealed record EndEnrollmentRequest(string? Reason, string? LastMonth);
