using Microsoft.EntityFrameworkCore;
using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.Registry.Contracts;

/// <summary>
/// NIK ↔ worker for other modules, through the registry's scoped context: a worker outside the caller's scope is
/// not found, and a NIK is shown only as <see cref="PersonalData.For"/> allows.
/// </summary>
public sealed class WorkerNiks(RegistryDbContext db, CallerContext caller)
{
    /// <summary>The workers in scope with these NIKs (well-formed, 16 digits), by NIK.</summary>
    public async Task<IReadOnlyDictionary<string, Guid>> FindAsync(IReadOnlyCollection<string> niks, CancellationToken ct)
    {
        if (niks.Count == 0)
        {
            return new Dictionary<string, Guid>();
        }

        var wanted = niks.Distinct(StringComparer.Ordinal).ToArray();
        return await db.Workers.AsNoTracking().Where(w => wanted.Contains(w.Nik))
            .ToDictionaryAsync(w => w.Nik, w => w.Id, StringComparer.Ordinal, ct);
    }

    /// <summary>The workers in scope among <paramref name="ids"/>, by id.</summary>
    public async Task<IReadOnlyDictionary<Guid, WorkerIdentity>> DescribeAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, WorkerIdentity>();
        }

        var wanted = ids.Distinct().ToArray();
        var scope = caller.Scope;
        var rows = await db.Workers.AsNoTracking().Where(w => wanted.Contains(w.Id))
            .Select(w => new { w.Id, w.Nik, w.FullName }).ToListAsync(ct);
        return rows.ToDictionary(w => w.Id, w => new WorkerIdentity(w.Id, PersonalData.For(scope, w.Nik), w.FullName));
    }
}
