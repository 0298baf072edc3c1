using Microsoft.EntityFrameworkCore;

namespace Payung.Registry.Contracts;

/// <summary>
/// The registry's occupation list for other modules (a programme's occupation rule is a set of these codes): every
/// occupation in the list's own order, retired ones included, since an older programme may name one no longer offered.
/// </summary>
public sealed class OccupationList(RegistryDbContext db)
{
    public async Task<IReadOnlyList<OccupationChoice>> ReadAsync(CancellationToken ct) =>
        await db.Occupations.AsNoTracking()
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Code)
            .Select(o => new OccupationChoice(o.Code, o.Name, o.IsActive))
            .ToListAsync(ct);
}
