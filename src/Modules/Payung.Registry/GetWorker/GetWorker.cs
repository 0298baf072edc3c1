using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Payung.Infrastructure;
using Payung.Registry.RegisterWorker;
using Payung.Shared;

namespace Payung.Registry.GetWorker;

/// <summary>
/// One worker's full record, if the caller's scope contains it; otherwise it does not exist for the caller.
/// Merged workers are still found (by NIK or id) and point at their survivor. Every full view is written to
/// the audit log (UU 27/2022: who looked at whose personal data), whether from the API or a page.
/// </summary>
public sealed class GetWorker(RegistryDbContext db, DescribeWorker describe, CallerContext caller, NpgsqlDataSource dataSource)
{
    public async Task<Outcome<WorkerResponse>> ExecuteAsync(WorkerKey key, string via, CancellationToken ct)
    {
        var worker = await key.Select(db.Workers.AsNoTracking()).SingleOrDefaultAsync(ct);
        if (worker is null)
        {
            return NotFound;
        }

        var response = await describe.ExecuteAsync(worker, ct);
        await AuditViewsAsync(dataSource, caller.Scope, [worker], via, ct);
        return response;
    }

    internal static Refusal NotFound => Refusal.NotFound("worker.not_found", "Pekerja tidak ditemukan.");

    /// <summary>One <c>view</c> row per worker shown in full, saying through what (api, page) and whether masked.</summary>
    internal static async Task AuditViewsAsync(NpgsqlDataSource dataSource, CallerScope scope, IReadOnlyCollection<Worker> workers,
        string via, CancellationToken ct)
    {
        var seen = JsonSerializer.Serialize(new { via, masked = scope.MasksPersonalData });
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await AuditWriter.WriteAsync(connection, null, scope,
            workers.Select(w => new AuditRecord("view", "worker", w.Id.ToString(), w.VillageCode, null, seen)).ToList(), ct);
    }
}
