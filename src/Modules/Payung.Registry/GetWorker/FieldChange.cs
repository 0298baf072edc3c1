namespace Payung.Registry.GetWorker;

/// <summary>A field's value before and after a change, as text, masked like the record itself for the caller.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
