using Microsoft.EntityFrameworkCore;
using Payung.Regions.Contracts;
using Payung.Shared;

namespace Payung.Regions;

internal sealed class RegionDirectory(RegionsDbContext db) : IRegionDirectory
{
    public async Task<RegionInfo?> FindAsync(RegionCode code, CancellationToken ct = default)
    {
        var value = code.Value;
        return await db.Regions.AsNoTracking()
            .Where(r => r.Code == value)
            .Select(ToInfo)
            .SingleOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<RegionInfo>> ChildrenAsync(RegionCode? parent, CancellationToken ct = default)
    {
        var query = db.Regions.AsNoTracking();
        if (parent is { } p)
        {
            var value = p.Value;
            query = query.Where(r => r.ParentCode == value && r.ValidTo == null);
        }
        else
        {
            query = query.Where(r => r.ParentCode == null && r.ValidTo == null);
        }

        return await query.OrderBy(r => r.Code).Select(ToInfo).ToListAsync(ct);
    }

    public Task<int> CountAsync(string level, CancellationToken ct = default) =>
        db.Regions.AsNoTracking().CountAsync(r => r.Level == level && r.ValidTo == null, ct);

    public async Task<IReadOnlyList<RegionInfo>> LineageAsync(RegionCode code, CancellationToken ct = default)
    {
        var codes = new List<string>();
        for (RegionCode? c = code; c is { } current; c = current.Parent)
        {
            codes.Add(current.Value);
        }

        var found = await db.Regions.AsNoTracking()
            .Where(r => codes.Contains(r.Code))
            .Select(ToInfo)
            .ToListAsync(ct);
        return found.OrderBy(r => r.Code.Length).ToList();
    }

    public async Task<IReadOnlyList<RegionInfo>> SearchAsync(string term, string? level, int limit, CancellationToken ct = default)
    {
        var lowered = term.ToLowerInvariant();
        // The term is a LIKE pattern parameter, so its own wildcards are escaped, not interpreted.
        var pattern = "%" + lowered.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var query = db.Regions.AsNoTracking()
            .Where(r => r.ValidTo == null && EF.Functions.Like(r.Name.ToLower(), pattern, "\\"));
        if (level is not null)
        {
            query = query.Where(r => r.Level == level);
        }

        // Higher levels first (a regency before its namesake villages), then names that start with the term.
        return await query
            .OrderBy(r => r.Code.Length)
            .ThenBy(r => r.Name.ToLower().StartsWith(lowered) ? 0 : 1)
            .ThenBy(r => r.Name)
            .Take(limit)
            .Select(ToInfo)
            .ToListAsync(ct);
    }

    public async Task<RegionNames> NamesAsync(IEnumerable<string?> codes, CancellationToken ct = default)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in codes)
        {
            for (RegionCode? c = RegionCode.TryParse(text, out var parsed) ? parsed : null; c is { } current; c = current.Parent)
            {
                wanted.Add(current.Value);
            }
        }

        if (wanted.Count == 0)
        {
            return RegionNames.None;
        }

        var found = await db.Regions.AsNoTracking()
            .Where(r => wanted.Contains(r.Code))
            .Select(r => new { r.Code, r.Name })
            .ToDictionaryAsync(r => r.Code, r => r.Name, StringComparer.Ordinal, ct);
        return new RegionNames(found);
    }

    internal static readonly System.Linq.Expressions.Expression<Func<Region, RegionInfo>> ToInfo = r =>
        new RegionInfo(r.Code, r.Name, r.Level, r.ParentCode,
            r.DistrictCount, r.VillageCount, r.DesaCount, r.KelurahanCount);
}
