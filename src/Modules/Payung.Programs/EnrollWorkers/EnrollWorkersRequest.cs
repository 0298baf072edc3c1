namespace Payung.Programs.EnrollWorkers;

/// <summary>
/// Either named workers or a filter over the registry, never both. <paramref name="MembershipStart"/> (yyyy-MM-dd) is
/// the day BPJS registered the participants when an operator records a programme after the fact; left out, the
/// membership starts on the day of enrolment. Never in the future.
/// </summary>
public sealed record EnrollWorkersRequest(IReadOnlyList<Guid>? WorkerIds, EnrollmentFilter? Filter, string? MembershipStart = null);
