using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Payung.Infrastructure;
using Payung.Registry.GetWorker;
using Payung.Registry.RegisterWorker;
using Payung.Shared;

namespace Payung.Registry.ReviewDuplicates;

/// <summary>
/// The review queue, newest first. A candidate exists for a caller only when both of its workers do: the pair is
/// read through the scoped worker set, so a person in another regency is never shown side by side with one of
/// the caller's (such pairs wait for a caller whose scope holds both, ultimately a national administrator).
/// Open candidates whose worker has since been merged by another decision are left out: there is nothing
/// left to decide.
/// </summary>
public sealed class ListDuplicateCandidates(RegistryDbContext db, CallerContext caller)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public async Task<Outcome<Paged<DuplicateCandidateResponse>>> ExecuteAsync(ListDuplicateCandidatesRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<RuleMessage>>();
        DuplicateStatus? status = (request.Status?.Trim() ?? "open") switch
        {
            "" or "open" => DuplicateStatus.Open,
            "merged" => DuplicateStatus.Merged,
            "dismissed" => DuplicateStatus.Dismissed,
            _ => null,
        };
        if (status is null)
        {
            WorkerRules.Add(errors, "status", new RuleMessage(Refusal.InvalidRequest, "Status harus open, merged atau dismissed."));
        }

        if (request.Page is < 1 or > 100_000)
        {
            WorkerRules.Add(errors, "page", new RuleMessage(Refusal.InvalidRequest, "Nomor halaman harus antara 1 dan 100000."));
        }

        if (request.PageSize is < 1 or > MaxPageSize)
        {
            WorkerRules.Add(errors, "pageSize", new RuleMessage(Refusal.InvalidRequest, $"Ukuran halaman harus antara 1 dan {MaxPageSize}."));
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        var wanted = status!.Value;
        var query = Pairs(db).Where(p => p.Candidate.Status == wanted);
        if (wanted == DuplicateStatus.Open)
        {
            query = query.Where(p => p.Worker.MergedInto == null && p.Other.MergedInto == null);
        }

        if (request.WorkerId is { } workerId)
        {
            query = query.Where(p => p.Candidate.WorkerId == workerId || p.Candidate.OtherWorkerId == workerId);
        }

        var page = request.Page ?? 1;
        var pageSize = request.PageSize ?? DefaultPageSize;
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(p => p.Candidate.CreatedAt).ThenBy(p => p.Candidate.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(ct);
        var items = rows.Select(p => ToResponse(p, caller.Scope)).ToList();
        return new Paged<DuplicateCandidateResponse>(items, page, pageSize, total);
    }

    /// <summary>Candidates with both workers, through the scoped sets: a pair with either worker hidden is no pair.</summary>
    internal static IQueryable<CandidatePair> Pairs(RegistryDbContext db) =>
        from d in db.DuplicateCandidates.AsNoTracking()
        join w in db.Workers.AsNoTracking() on d.WorkerId equals w.Id
        join o in db.Workers.AsNoTracking() on d.OtherWorkerId equals o.Id
        select new CandidatePair { Candidate = d, Worker = w, Other = o };

    internal static DuplicateCandidateResponse ToResponse(CandidatePair p, CallerScope scope)
    {
        using var evidence = JsonDocument.Parse(p.Candidate.Evidence);
        return new DuplicateCandidateResponse(
            p.Candidate.Id,
            ReasonCode(p.Candidate.Reason),
            evidence.RootElement.Clone(),
            StatusCode(p.Candidate.Status),
            p.Candidate.CreatedAt,
            p.Candidate.ResolvedAt,
            p.Candidate.ResolutionNote,
            Side(p.Worker, scope),
            Side(p.Other, scope));
    }

    internal static string ReasonCode(DuplicateReason reason) => reason switch
    {
        DuplicateReason.SameKkName => FindDuplicates.SameKkName,
        DuplicateReason.NikOneDigitApart => FindDuplicates.NikOneDigitApart,
        _ => FindDuplicates.SameNameBirthDate,
    };

    internal static string StatusCode(DuplicateStatus status) => status switch
    {
        DuplicateStatus.Merged => "merged",
        DuplicateStatus.Dismissed => "dismissed",
        _ => "open",
    };

    private static CandidateWorker Side(Worker w, CallerScope scope) => new(
        w.Id,
        PersonalData.For(scope, w.Nik),
        PersonalData.For(scope, w.Kk),
        w.FullName,
        w.BirthPlace,
        w.BirthDate,
        w.Sex,
        w.VillageCode,
        w.Address,
        w.Rt,
        w.Rw,
        PersonalData.For(scope, w.Phone, PersonalData.MaskPhone),
        w.OccupationCode,
        w.MonthlyIncome,
        w.DtsenDecile,
        DescribeWorker.StatusCode(w.Status),
        w.DeathDate,
        w.NikWarnings,
        w.MergedInto,
        w.CreatedAt);
}
