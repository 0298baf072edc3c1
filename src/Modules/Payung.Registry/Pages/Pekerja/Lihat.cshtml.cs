using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Infrastructure;
using Payung.Regions.Contracts;
using Payung.Registry.GetWorker;
using Payung.Registry.ReviewDuplicates;
using Payung.Shared;
using RegionInfo = Payung.Regions.Contracts.RegionInfo;

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
    CallerContext caller,
    IEnumerable<Payung.Registry.Contracts.IWorkerProtectionStrip> protection) : PageModel
{
    /// <summary>The last twelve months of protection, from the Billing module when the host has it.</summary>
    public IReadOnlyList<Payung.Registry.Contracts.WorkerMonthProtection> Protection { get; private set; } = [];

    public WorkerResponse Worker { get; private set; } = null!;

    public IReadOnlyList<WorkerChange> History { get; private set; } = [];

    public IReadOnlyList<DuplicateCandidateResponse> Candidates { get; private set; } = [];

    /// <summary>The worker's village and its ancestors, province first.</summary>
    public IReadOnlyList<RegionInfo> Place { get; private set; } = [];

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
        if (RegionCode.TryParse(Worker.VillageCode, out var village))
        {
            Place = await regions.LineageAsync(village, ct);
        }

        if (protection.FirstOrDefault() is { } strip)
        {
            Protection = await strip.RecentMonthsAsync(id, 12, ct);
        }

        return Page();
    }
}
