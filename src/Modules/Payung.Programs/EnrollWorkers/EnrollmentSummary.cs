namespace Payung.Programs.EnrollWorkers;

/// <summary>One enrolment in a programme's list; months as yyyy-MM, the NIK as the caller's scope shows it.</summary>
public sealed record EnrollmentSummary(
    Guid Id,
    Guid WorkerId,
    string? Nik,
    string WorkerName,
    string VillageCode,
    string Status,
    string? MonthFrom,
    string? MonthTo,
    long CommittedAmount,
    DateTimeOffset? WaitingSince,
    string? EndedReason);
