using Microsoft.EntityFrameworkCore;
using Payung.Registry.Contracts;
using Payung.Registry.ImportWorkers;

namespace Payung.Registry.ShowDesk;

/// <summary>The registry's waiting work in the caller's scope (the DbContext filter and the import list apply it).</summary>
internal sealed class RegistryDesk(RegistryDbContext db, GetWorkerImport imports, TimeProvider clock) : IRegistryDesk
{
    private const int RecentImports = 50;

    public async Task<RegistryDeskFigures> ReadAsync(CancellationToken ct)
    {
        var duplicates = await db.DuplicateCandidates.AsNoTracking().CountAsync(d => d.Status == DuplicateStatus.Open, ct);
        var since = clock.GetUtcNow().AddDays(-30);
        var recent = await imports.RecentAsync(RecentImports, ct);
        var toReview = recent.Where(i => i.Finished && i.CreatedAt >= since && i.Counts is { NeedsReview: > 0 }).ToList();
        return new RegistryDeskFigures(duplicates, recent.Count(i => !i.Finished), toReview.Count, toReview.FirstOrDefault()?.Id);
    }
}
