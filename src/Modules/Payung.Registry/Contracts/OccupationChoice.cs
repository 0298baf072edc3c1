namespace Payung.Registry.Contracts;

/// <summary>An occupation of the registry's list as other modules show it: its code, its name, whether it is still offered.</summary>
public sealed record OccupationChoice(string Code, string Name, bool IsActive);
