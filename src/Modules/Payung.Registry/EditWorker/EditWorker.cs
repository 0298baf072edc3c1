using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Payung.Infrastructure;
using Payung.Regions.Contracts;
using Payung.Registry.GetWorker;
using Payung.Registry.RegisterWorker;
using Payung.Shared;

namespace Payung.Registry.EditWorker;

/// <summary>
/// Changes a worker the caller can see, staying in villages the caller covers (nobody moves a worker out of their
/// own reach). The NIK warnings are worked out again against the new birth date and sex. A stale
/// <c>version</c> is refused rather than overwriting another operator's change; a merged record is history and
/// is not edited. The change, its audit row and new duplicate candidates commit together.
/// </summary>
public sealed class EditWorker(
    RegistryDbContext db,
    CallerContext caller,
    IRegionDirectory regions,
    IRegionCodeLookup regionCodes,
    BusinessCalendar calendar,
    DescribeWorker describe,
    TimeProvider clock)
{
    public async Task<Outcome<WorkerResponse>> ExecuteAsync(WorkerKey key, EditWorkerRequest? request, CancellationToken ct)
    {
        var worker = await key.Select(db.Workers).SingleOrDefaultAsync(ct);
        if (worker is null)
        {
            return GetWorker.GetWorker.NotFound;
        }

        if (request is null)
        {
            return Refusal.Invalid("body", "Isi permintaan wajib berupa JSON data pekerja { fullName, birthDate, sex, villageCode, occupationCode, …, version }.");
        }

        if (worker.MergedInto is not null)
        {
            return Refusal.Conflict("worker.merged", "Data pekerja ini sudah digabung ke data lain.", "Ubah data pekerja hasil penggabungan.");
        }

        var today = calendar.Today();
        var errors = new Dictionary<string, List<RuleMessage>>();
        var details = request.ReadDetails(today, errors);
        if (details is not null)
        {
            await WorkerRules.CheckReferencesAsync(details, worker.OccupationCode, db, regions, errors, ct);
        }

        if (errors.Count > 0 || details is null)
        {
            return Refusal.Invalid(errors);
        }

        if (!caller.Scope.Covers(details.VillageCode))
        {
            return RegisterWorker.RegisterWorker.OutOfScope;
        }

        if (request.Version is { } version)
        {
            if (version != worker.RowVersion)
            {
                return ConcurrentEdit;
            }

            // Compared again by the UPDATE itself, for an edit that lands between this read and the save.
            db.Entry(worker).Property(w => w.RowVersion).OriginalValue = version;
        }

        var warnings = WorkerRules.NikWarnings(worker.Nik, details.BirthDate, details.Sex, today, regionCodes);
        if (details == Current(worker) && warnings.SequenceEqual(worker.NikWarnings))
        {
            return await describe.ExecuteAsync(worker, ct); // nothing changed: no write, no audit row
        }

        var now = clock.GetUtcNow();
        worker.Edit(details, warnings, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ConcurrentEdit;
        }

        await FindDuplicates.ExecuteAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)tx.GetDbTransaction(),
            caller.Scope, [worker.Id], now, ct);
        await tx.CommitAsync(ct);
        return await describe.ExecuteAsync(worker, ct);
    }

    internal static Refusal ConcurrentEdit => Refusal.Conflict("worker.concurrent_edit",
        "Data pekerja ini telah diubah orang lain sejak Anda membukanya.", "Muat ulang data, lalu ulangi perubahan Anda.");

    internal static WorkerDetails Current(Worker w) => new(w.Kk, w.FullName, w.BirthPlace, w.BirthDate, w.Sex, w.VillageCode,
        w.Address, w.Rt, w.Rw, w.Phone, w.OccupationCode, w.MonthlyIncome, w.DtsenDecile, w.DeathDate);
}
