namespace Payung.Regions;

/// <summary>An administrative area from the official Kemendagri list, addressed by its dotted code.</summary>
internal sealed class Region
{
    public required string Code { get; init; }
    public required string Level { get; init; }
    public string? ParentCode { get; init; }
    public required string Name { get; init; }
    public int DistrictCount { get; init; }
    public int VillageCount { get; init; }
    public int DesaCount { get; init; }
    public int KelurahanCount { get; init; }
    public DateOnly ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
}
