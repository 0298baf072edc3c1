using Microsoft.EntityFrameworkCore;
using Npgsql;
using Payung.Infrastructure;
using Payung.Registry.RegisterWorker;
using Payung.Shared;

namespace Payung.Registry.ReviewDuplicates;

/// <summary>
/// One candidate with both workers side by side, if the caller's scope holds both; otherwise it does not exist.
/// Showing two full records is a full view of each, so each gets its audit row.
/// </summary>
public sealed class GetDuplicateCandidate(RegistryDbContext db, CallerContext caller, NpgsqlDataSource dataSource)
{
    public async Task<Outcome<DuplicateCandidateResponse>> ExecuteAsync(Guid id, string via, CancellationToken ct)
    {
        var pair = await ListDuplicateCandidates.Pairs(db).Where(p => p.Candidate.Id == id).SingleOrDefaultAsync(ct);
        if (pair is null)
        {
            return NotFound;
        }

        await GetWorker.GetWorker.AuditViewsAsync(dataSource, caller.Scope, [pair.Worker, pair.Other], via, ct);
        return ListDuplicateCandidates.ToResponse(pair, caller.Scope);
    }

    internal static Refusal NotFound => Refusal.NotFound("duplicate.not_found", "Kandidat duplikat tidak ditemukan.");

    internal static Refusal AlreadyResolved => Refusal.Conflict("duplicate.already_resolved", "Kandidat duplikat ini sudah diputuskan.");

    /// <summary>A note for the audit log: optional, bounded, one line or a few.</summary>
    internal static string? ReadNote(string? note, IDictionary<string, List<RuleMessage>> errors)
    {
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is not null && (text.Length > 500 || text.Any(c => char.IsControl(c) && c is not ('\n' or '\r'))))
        {
            WorkerRules.Add(errors, "note", new RuleMessage(Refusal.InvalidRequest, "Catatan paling banyak 500 karakter, tanpa karakter kendali."));
        }

        return text;
    }
}
