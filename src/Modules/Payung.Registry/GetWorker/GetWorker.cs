using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Payung.Infrastructure;
using Payung.Registry.RegisterWorker;

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
        await AuditViewAsync(worker, via, ct);
        return response;
    }

    internal static Refusal NotFound => Refusal.NotFound("worker.not_found", "Pekerja tidak ditemukan.");

    private async Task AuditViewAsync(Worker worker, string via, CancellationToken ct)
    {
        var seen = JsonSerializer.Serialize(new { via, masked = caller.Scope.MasksPersonalData });
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await AuditWriter.WriteAsync(connection, null, caller.Scope,
            [new AuditRecord("view", "worker", worker.Id.ToString(), worker.VillageCode, null, seen)], ct);
    }
}
