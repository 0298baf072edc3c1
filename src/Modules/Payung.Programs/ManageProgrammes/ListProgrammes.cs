using Microsoft.EntityFrameworkCore;

namespace Payung.Programs.ManageProgrammes;

/// <summary>The programmes in the caller's scope, newest fiscal year first, optionally of one status.</summary>
public sealed class ListProgrammes(ProgrammesDbContext db, DescribeProgramme describe)
{
    public const int MaxPageSize = 100;

    public async Task<Outcome<Paged<ProgrammeResponse>>> ExecuteAsync(string? status, int page, int pageSize, CancellationToken ct)
    {
        ProgrammeStatus? wanted = status?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "draft" => ProgrammeStatus.Draft,
            "active" => ProgrammeStatus.Active,
            "closed" => ProgrammeStatus.Closed,
            _ => (ProgrammeStatus)(-1),
        };
        if (wanted == (ProgrammeStatus)(-1))
        {
            return Refusal.Invalid("status", "Status harus draft, active atau closed.");
        }

        if (page < 1)
        {
            return Refusal.Invalid("page", "Halaman dimulai dari 1.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return Refusal.Invalid("pageSize", $"Ukuran halaman harus antara 1 dan {MaxPageSize}.");
        }

        var query = db.Programmes.AsNoTracking();
        if (wanted is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(p => p.FiscalYear).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<ProgrammeResponse>(await describe.ExecuteAsync(items, ct), page, pageSize, total);
    }
}
