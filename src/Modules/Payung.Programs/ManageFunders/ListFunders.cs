using Microsoft.EntityFrameworkCore;

namespace Payung.Programs.ManageFunders;

/// <summary>The funders in the caller's scope, by name.</summary>
public sealed class ListFunders(ProgrammesDbContext db)
{
    public async Task<IReadOnlyList<FunderResponse>> ExecuteAsync(CancellationToken ct)
    {
        var funders = await db.Funders.AsNoTracking().OrderBy(f => f.Name).ThenBy(f => f.Id).ToListAsync(ct);
        return funders
            .Select(f => new FunderResponse(f.Id, f.Name, ProgrammesDbContext.ToCode(f.Kind), f.RegionCode, null, f.CreatedAt))
            .ToList();
    }
}
