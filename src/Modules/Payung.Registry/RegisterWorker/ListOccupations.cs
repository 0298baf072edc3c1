using Microsoft.EntityFrameworkCore;

namespace Payung.Registry.RegisterWorker;

/// <summary>The occupations a worker may be registered with, in the list's own order. Retired ones are left out.</summary>
public sealed class ListOccupations(RegistryDbContext db)
{
    public async Task<IReadOnlyList<OccupationResponse>> ExecuteAsync(CancellationToken ct) =>
        await db.Occupations.AsNoTracking()
            .Where(o => o.IsActive)
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Code)
            .Select(o => new OccupationResponse(o.Code, o.Name, o.Sector))
            .ToListAsync(ct);

    /// <summary>
    /// Every occupation's name by code, retired ones included: a worker registered years ago, and the change
    /// history, may name an occupation no longer offered.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken ct) =>
        await db.Occupations.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Name, StringComparer.Ordinal, ct);
}
