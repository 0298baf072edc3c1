using Payung.Shared;

namespace Payung.Regions.Contracts;

/// <summary>The official region list as other modules may use it.</summary>
public interface IRegionDirectory
{
    Task<RegionInfo?> FindAsync(RegionCode code, CancellationToken ct = default);

    Task<IReadOnlyList<RegionInfo>> ChildrenAsync(RegionCode? parent, CancellationToken ct = default);

    /// <summary>Current regions whose name contains the term, higher levels first.</summary>
    Task<IReadOnlyList<RegionInfo>> SearchAsync(string term, string? level, int limit, CancellationToken ct = default);

    /// <summary>How many current regions the level has nationally.</summary>
    Task<int> CountAsync(string level, CancellationToken ct = default);

    /// <summary>The region and its ancestors, province first.</summary>
    Task<IReadOnlyList<RegionInfo>> LineageAsync(RegionCode code, CancellationToken ct = default);

    /// <summary>
    /// The names of the regions the codes name and of all their ancestors, in one query, for pages that show a
    /// code with its words. Codes that are not region codes, or no longer on the list, are left out.
    /// </summary>
    Task<RegionNames> NamesAsync(IEnumerable<string?> codes, CancellationToken ct = default);
}
