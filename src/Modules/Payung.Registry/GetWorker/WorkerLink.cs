namespace Payung.Registry.GetWorker;

/// <summary>
/// A pointer to another worker (the survivor of a merge). NIK and name are null when that worker lies outside the
/// caller's scope: the id alone says nothing about the person.
/// </summary>
public sealed record WorkerLink(Guid Id, string? Nik, string? FullName);
