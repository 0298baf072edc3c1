namespace Payung.Access.ManageUsers;

/// <summary>A BPJS branch as a choice in a form.</summary>
public sealed record BranchOption(string Code, string Name);
