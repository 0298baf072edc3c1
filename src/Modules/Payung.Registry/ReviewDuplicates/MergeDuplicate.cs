using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Payung.Infrastructure;
using Payung.Registry.RegisterWorker;
using Payung.Shared;

namespace Payung.Registry.ReviewDuplicates;

/// <summary>
/// Decides that a candidate's two workers are one person, keeping the survivor the operator chose. Nothing is
/// lost: the other record stays, pointing at the survivor (<c>merged_into</c>), and the survivor's empty fields are
/// filled from it while everything the survivor already holds is kept. Both changes and the decision are
/// audited and commit together; other open candidates of the same pair close with it. Afterwards the survivor is
/// checked for duplicates again, since filled fields (a KK) can match someone new.
/// </summary>
public sealed class MergeDuplicate(RegistryDbContext db, CallerContext caller, TimeProvider clock,
    IEnumerable<Payung.Registry.Contracts.IWorkerMergeGuard> guards)
{
    public async Task<Outcome<MergeResult>> ExecuteAsync(Guid id, MergeDuplicateRequest? request, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Two operators deciding the same candidate at once: the second waits here, then sees the first's decision.
        await db.Database.ExecuteSqlAsync($"select 1 from registry.duplicate_candidate where id = {id} for update", ct);
        var candidate = await db.DuplicateCandidates.SingleOrDefaultAsync(d => d.Id == id, ct);
        var workers = candidate is null
            ? []
            : await db.Workers.Where(w => w.Id == candidate.WorkerId || w.Id == candidate.OtherWorkerId).ToListAsync(ct);
        if (candidate is null || workers.Count != 2)
        {
            return GetDuplicateCandidate.NotFound; // either worker outside the scope: no pair for this caller
        }

        var errors = new Dictionary<string, List<RuleMessage>>();
        var note = GetDuplicateCandidate.ReadNote(request?.Note, errors);
        if (request?.SurvivorId is not { } survivorId || workers.All(w => w.Id != survivorId))
        {
            WorkerRules.Add(errors, "survivorId", new RuleMessage(Refusal.InvalidRequest,
                "Pilih pekerja yang dipertahankan: salah satu dari dua pekerja kandidat ini."));
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        if (candidate.Status != DuplicateStatus.Open)
        {
            return GetDuplicateCandidate.AlreadyResolved;
        }

        var survivor = workers.Single(w => w.Id == request!.SurvivorId);
        var merged = workers.Single(w => w.Id != survivor.Id);
        if (survivor.MergedInto is not null || merged.MergedInto is not null)
        {
            return Refusal.Conflict("duplicate.worker_merged", "Salah satu pekerja ini sudah digabung ke data lain.",
                "Tutup kandidat ini; bila perlu, tinjau kandidat dari data hasil penggabungan.");
        }

        foreach (var guard in guards)
        {
            if (await guard.BlockerAsync(merged.Id, ct) is { } blocker)
            {
                return Refusal.Conflict("duplicate.merge_blocked", "Penggabungan ditahan.", blocker);
            }
        }

        var now = clock.GetUtcNow();
        var (details, filled) = FillGaps(EditWorker.EditWorker.Current(survivor), merged);
        if (filled.Count > 0)
        {
            survivor.Edit(details, survivor.NikWarnings, now);
        }

        merged.MarkMergedInto(survivor.Id, now);
        candidate.Resolve(DuplicateStatus.Merged, caller.Scope.ActorId, note, now);
        // The same pair raised by another rule is the same decision.
        var samePair = await db.DuplicateCandidates
            .Where(d => d.Id != id && d.Status == DuplicateStatus.Open && d.WorkerId == candidate.WorkerId && d.OtherWorkerId == candidate.OtherWorkerId)
            .ToListAsync(ct);
        foreach (var other in samePair)
        {
            other.Resolve(DuplicateStatus.Merged, caller.Scope.ActorId, note, now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EditWorker.EditWorker.ConcurrentEdit;
        }

        await FindDuplicates.ExecuteAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)tx.GetDbTransaction(),
            caller.Scope, [survivor.Id], now, ct);
        await tx.CommitAsync(ct);
        return new MergeResult(candidate.Id, survivor.Id, merged.Id, filled);
    }

    /// <summary>
    /// The survivor's facts, with each empty one taken from the merged record. Address, RT and RW describe one
    /// place, so they move together, and only when the survivor has none of them. A death date on the merged
    /// record fills the survivor's too: one of the two records knew that the person died.
    /// </summary>
    internal static (WorkerDetails Details, IReadOnlyList<string> Filled) FillGaps(WorkerDetails s, Worker m)
    {
        var filled = new List<string>();
        string? Take(string? kept, string? other, string field)
        {
            if (kept is null && other is not null)
            {
                filled.Add(field);
                return other;
            }

            return kept;
        }

        var placeEmpty = s.Address is null && s.Rt is null && s.Rw is null;
        var details = s with
        {
            Kk = Take(s.Kk, m.Kk, "kk"),
            BirthPlace = Take(s.BirthPlace, m.BirthPlace, "birthPlace"),
            Address = placeEmpty ? Take(s.Address, m.Address, "address") : s.Address,
            Rt = placeEmpty ? Take(s.Rt, m.Rt, "rt") : s.Rt,
            Rw = placeEmpty ? Take(s.Rw, m.Rw, "rw") : s.Rw,
            Phone = Take(s.Phone, m.Phone, "phone"),
            MonthlyIncome = s.MonthlyIncome ?? (m.MonthlyIncome is { } income ? Filled(income, "monthlyIncome") : null),
            DtsenDecile = s.DtsenDecile ?? (m.DtsenDecile is { } decile ? Filled(decile, "dtsenDecile") : null),
            DeathDate = s.DeathDate ?? (m.DeathDate is { } died ? Filled(died, "deathDate") : null),
        };
        return (details, filled);

        T Filled<T>(T value, string field)
        {
            filled.Add(field);
            return value;
        }
    }
}
