namespace Payung.Programs.EnrollWorkers;

/// <summary>Every eligible worker of a region (a village, district or regency code), up to <see cref="Limit"/> candidates.</summary>
public sealed record EnrollmentFilter(string? VillageCode, int? Limit);
