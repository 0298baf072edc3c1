namespace Payung.Registry;

public sealed class Occupation
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Sector { get; init; }
    public int SortOrder { get; init; }
    public bool IsActive { get; init; }
}
