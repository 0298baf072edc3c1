namespace Payung.Programs.EnrollWorkers;

/// <summary>Either named workers or a filter over the registry, never both.</summary>
public sealed record EnrollWorkersRequest(IReadOnlyList<Guid>? WorkerIds, EnrollmentFilter? Filter);
