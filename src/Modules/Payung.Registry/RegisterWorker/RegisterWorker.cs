using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Payung.Infrastructure;
using Payung.Regions.Contracts;
using Payung.Registry.GetWorker;
using Payung.Shared;

namespace Payung.Registry.RegisterWorker;

/// <summary>
/// Registers a worker in a village the caller covers. A malformed NIK is refused; a NIK that disagrees with the
/// declared birth date or sex, or names an unknown kecamatan, is stored with its warnings for review. The
/// worker, its audit row and its likely-duplicate candidates commit together.
/// </summary>
public sealed class RegisterWorker(
    RegistryDbContext db,
    CallerContext caller,
    IRegionDirectory regions,
    IRegionCodeLookup regionCodes,
    BusinessCalendar calendar,
    DescribeWorker describe,
    TimeProvider clock)
{
    public const string NikIndex = "worker_nik_key";

    public async Task<Outcome<WorkerResponse>> ExecuteAsync(RegisterWorkerRequest? request, CancellationToken ct)
    {
        if (request is null)
        {
            return Refusal.Invalid("body", "Isi permintaan wajib berupa JSON data pekerja { nik, fullName, birthDate, sex, villageCode, occupationCode, … }.");
        }

        var today = calendar.Today();
        var errors = new Dictionary<string, List<RuleMessage>>();
        var details = request.ReadDetails(today, errors);
        var (nik, warnings) = WorkerRules.ReadNik(request.Nik, details?.BirthDate, details?.Sex, today, regionCodes, errors);
        if (details is not null)
        {
            await WorkerRules.CheckReferencesAsync(details, null, db, regions, errors, ct);
        }

        if (errors.Count > 0 || details is null)
        {
            return Refusal.Invalid(errors);
        }

        if (!caller.Scope.Covers(details.VillageCode))
        {
            return OutOfScope;
        }

        if (await NikTakenAsync(db, nik, ct) is { } taken)
        {
            return taken;
        }

        var now = clock.GetUtcNow();
        var worker = Worker.Register(details, nik, warnings, now);
        db.Workers.Add(worker);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: NikIndex })
        {
            // Registered by someone else since the check above; where, the loser of the race need not learn.
            db.Entry(worker).State = EntityState.Detached;
            return NikTaken(null);
        }

        await FindDuplicates.ExecuteAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)tx.GetDbTransaction(),
            caller.Scope, [worker.Id], now, ct);
        await tx.CommitAsync(ct);
        return await describe.ExecuteAsync(worker, ct);
    }

    internal static Refusal OutOfScope =>
        Refusal.Rule(WorkerRules.OutOfScope, WorkerRules.OutOfScopeMessage);

    /// <summary>
    /// The one nationwide look-up of the registry: a NIK is unique across all regions, so the caller must learn
    /// that it is taken even where the worker lies outside their scope. The scope filter is bypassed for this
    /// alone, only the id is read, and a worker outside the scope is not described at all.
    /// </summary>
    internal static async Task<Refusal?> NikTakenAsync(RegistryDbContext db, string nik, CancellationToken ct)
    {
        var existing = await db.Workers.IgnoreQueryFilters().Where(w => w.Nik == nik).Select(w => (Guid?)w.Id).SingleOrDefaultAsync(ct);
        if (existing is not { } id)
        {
            return null;
        }

        return NikTaken(await db.Workers.AnyAsync(w => w.Id == id, ct) ? id : null);
    }

    internal static Refusal NikTaken(Guid? visibleId) => visibleId is { } id
        ? Refusal.Conflict("worker.nik_taken", "NIK ini sudah terdaftar.", "Buka data pekerja yang sudah ada untuk mengubahnya.",
            new Dictionary<string, object?> { ["workerId"] = id })
        : Refusal.Conflict("worker.nik_taken", "NIK ini sudah terdaftar.", "NIK ini sudah terdaftar di wilayah lain.");
}
