using Microsoft.EntityFrameworkCore;
using Payung.Infrastructure;
using Payung.Registry.RegisterWorker;
using Payung.Shared;

namespace Payung.Registry.ReviewDuplicates;

/// <summary>
/// Decides that a candidate's two workers are two people. The pair stays on record as dismissed, so the same
/// rule does not raise it again.
/// </summary>
public sealed class DismissDuplicate(RegistryDbContext db, CallerContext caller, TimeProvider clock)
{
    public async Task<Outcome<DuplicateCandidateResponse>> ExecuteAsync(Guid id, DismissDuplicateRequest? request, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Two operators deciding the same candidate at once: the second waits here, then sees the first's decision.
        await db.Database.ExecuteSqlAsync($"select 1 from registry.duplicate_candidate where id = {id} for update", ct);
        var pair = await ListDuplicateCandidates.Pairs(db).Where(p => p.Candidate.Id == id).SingleOrDefaultAsync(ct);
        if (pair is null)
        {
            return GetDuplicateCandidate.NotFound;
        }

        var errors = new Dictionary<string, List<RuleMessage>>();
        var note = GetDuplicateCandidate.ReadNote(request?.Note, errors);
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        var candidate = await db.DuplicateCandidates.SingleAsync(d => d.Id == id, ct);
        if (candidate.Status != DuplicateStatus.Open)
        {
            return GetDuplicateCandidate.AlreadyResolved;
        }

        candidate.Resolve(DuplicateStatus.Dismissed, caller.Scope.ActorId, note, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ListDuplicateCandidates.ToResponse(
            new CandidatePair { Candidate = candidate, Worker = pair.Worker, Other = pair.Other }, caller.Scope);
    }
}
