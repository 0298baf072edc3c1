namespace Payung.Regions.Contracts;

/// <summary>
/// What the API and other modules see of a region. <c>Level</c> is one of
/// <c>province|regency|district|village</c>; counts cover all descendants.
/// </summary>
public sealed record RegionInfo(
    string Code,
    string Name,
    string Level,
    string? ParentCode,
    int DistrictCount,
    int VillageCount,
    int DesaCount,
    int KelurahanCount);
