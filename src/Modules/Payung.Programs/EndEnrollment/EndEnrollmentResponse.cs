namespace Payung.Programs.EndEnrollment;

/// <summary>What ending released, and the waiting enrolment that moved up into the freed place, if any.</summary>
public sealed record EndEnrollmentResponse(
    Guid Id,
    string Status,
    string LastMonth,
    long Released,
    long CommittedAmount,
    Guid? PromotedEnrollmentId);
