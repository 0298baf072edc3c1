namespace Payung.Registry.GetWorker;

/// <summary>One audited change of a worker: who, when, what (create, update), and the fields it changed.</summary>
public sealed record WorkerChange(DateTimeOffset OccurredAt, string ActorName, string Action, IReadOnlyList<FieldChange> Fields);
