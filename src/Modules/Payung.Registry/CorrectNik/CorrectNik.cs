using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Payung.Infrastructure;
using Payung.Registry.GetWorker;
using Payung.Shared;

namespace Payung.Registry.CorrectNik;

public sealed record CorrectNikRequest(string? Nik, string? Reason);

/// <summary>
/// Corrects a NIK typed wrong (the domain's most common registry error) on a worker the caller covers. The new NIK
/// passes the same rules as at registration (errors refuse; warnings against the recorded birth date and sex are
/// stored), must be free nationwide, and the reason is required. The worker keeps its id, so enrolments, bills and
/// the protection ledger follow; the old NIK stays in the audit trail with the reason, and the "one digit apart"
/// duplicate check runs again for the new NIK.
/// </summary>
public sealed class CorrectNik(
    RegistryDbContext db,
    CallerContext caller,
    IRegionCodeLookup regionCodes,
    BusinessCalendar calendar,
    DescribeWorker describe,
    TimeProvider clock)
{
    public async Task<Outcome<WorkerResponse>> ExecuteAsync(WorkerKey key, CorrectNikRequest? request, CancellationToken ct)
    {
        var worker = await key.Select(db.Workers).SingleOrDefaultAsync(ct);
        if (worker is null)
        {
            return GetWorker.GetWorker.NotFound;
        }

        if (worker.MergedInto is not null)
        {
            return Refusal.Conflict("worker.merged", "Data pekerja ini sudah digabung ke data lain.", "Perbaiki NIK pada data hasil penggabungan.");
        }

        if (!caller.Scope.Covers(worker.VillageCode))
        {
            return RegisterWorker.RegisterWorker.OutOfScope;
        }

        var errors = new Dictionary<string, List<RuleMessage>>();
        var (nik, warnings) = WorkerRules.ReadNik(request?.Nik, worker.BirthDate, worker.Sex, calendar.Today(), regionCodes, errors);
        var reason = request?.Reason?.Trim();
        if (reason is not { Length: >= 5 and <= 300 } || reason.Any(char.IsControl))
        {
            WorkerRules.Add(errors, "reason", new RuleMessage("reason.required", "Alasan perbaikan wajib diisi (5–300 karakter)."));
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        if (nik == worker.Nik)
        {
            return Refusal.Rule("worker.nik_unchanged", "NIK baru sama dengan NIK yang tercatat.");
        }

        if (await RegisterWorker.RegisterWorker.NikTakenAsync(db, nik, ct) is { } taken)
        {
            return taken;
        }

        var before = worker.Nik;
        var now = clock.GetUtcNow();
        worker.CorrectNik(nik, warnings, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: RegisterWorker.RegisterWorker.NikIndex })
        {
            return RegisterWorker.RegisterWorker.NikTaken(null);
        }

        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)tx.GetDbTransaction();
        await AuditWriter.WriteAsync(conn, transaction, caller.Scope,
        [
            new AuditRecord("update", "worker_nik", worker.Id.ToString(), worker.VillageCode,
                JsonSerializer.Serialize(new { nik = before }), JsonSerializer.Serialize(new { nik, reason })),
        ], ct);
        await FindDuplicates.ExecuteAsync(conn, transaction, caller.Scope, [worker.Id], now, ct);
        await tx.CommitAsync(ct);
        return await describe.ExecuteAsync(worker, ct);
    }
}
