using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Infrastructure;
using Payung.Regions.Contracts;
using Payung.Registry.GetWorker;
using Payung.Registry.RegisterWorker;
using Payung.Registry.ReviewDuplicates;

namespace Payung.Registry.Pages.Pekerja;

/// <summary>
/// One worker in full: the same <see cref="GetWorker.GetWorker"/> as <c>GET /api/v1/workers/{nik}</c> (and audited
/// like it), with the NIK warnings, the open duplicate candidates and the change history from the audit log.
/// Outside the caller's scope the page is a 404.
/// </summary>
[Authorize(Policy = Permissions.ReadPersonalData)]
public sealed class LihatModel(
    GetWorker.GetWorker getWorker,
    ReadWorkerHistory readHistory,
    ListDuplicateCandidates listCandidates,
    IRegionDirectory regions,
    ListOccupations occupations,
    CallerContext caller,
    IEnumerable<Payung.Registry.Contracts.IWorkerProtectionStrip> protection) : PageModel
{
    /// <summary>The last twelve months of protection, from the Billing module when the host has it.</summary>
    public IReadOnlyList<Payung.Registry.Contracts.WorkerMonthProtection> Protection { get; private set; } = [];

    public WorkerResponse Worker { get; private set; } = null!;

    public IReadOnlyList<WorkerChange> History { get; private set; } = [];

    public IReadOnlyList<DuplicateCandidateResponse> Candidates { get; private set; } = [];

    /// <summary>Names for the worker's and the history's codes (village, occupation).</summary>
    public WorkerNames Names { get; private set; } = WorkerNames.None;

    [TempData]
    public string? Notice { get; set; }

    public bool CanWrite => WorkerDisplay.CanWrite(caller.Scope);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await getWorker.ExecuteAsync(WorkerKey.ForId(id), "page", ct);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        Worker = found.Value;
        History = await readHistory.ExecuteAsync(Worker, ct: ct);
        var candidates = await listCandidates.ExecuteAsync(new ListDuplicateCandidatesRequest("open", id, 1, 20), ct);
        Candidates = candidates.Succeeded ? candidates.Value.Items : [];
        var villages = History.SelectMany(h => h.Fields).Where(f => f.Field == "villageCode").SelectMany(f => new[] { f.Before, f.After });
        Names = await WorkerNames.ForAsync(occupations, regions, villages.Append(Worker.VillageCode), ct);

        if (protection.FirstOrDefault() is { } strip)
        {
            Protection = await strip.RecentMonthsAsync(id, 12, ct);
        }

        return Page();
    }
}
