namespace Payung.Programs.EnrollWorkers;

/// <summary>One enrolment in a programme's list; months as yyyy-MM.</summary>
internal sealed record EnrollmentSummary(
    Guid Id,
    Guid WorkerId,
    string WorkerName,
    string VillageCode,
    string Status,
    string? MonthFrom,
    string? MonthTo,
    long CommittedAmount,
    DateTimeOffset? WaitingSince,
    string? EndedReason);
