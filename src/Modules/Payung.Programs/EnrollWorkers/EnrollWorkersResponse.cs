namespace Payung.Programs.EnrollWorkers;

/// <summary><see cref="CommittedTotal"/> is the programme's whole commitment after the request.</summary>
public sealed record EnrollWorkersResponse(
    int Enrolled,
    int Waiting,
    int Rejected,
    long CommittedTotal,
    IReadOnlyList<EnrollmentVerdict> Verdicts);
