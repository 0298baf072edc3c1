namespace Payung.Registry.Contracts;

/// <summary>Who a worker is, for lists in other modules: the NIK as the caller may see it (masked or absent) and the name.</summary>
public sealed record WorkerIdentity(Guid Id, string? Nik, string FullName);
