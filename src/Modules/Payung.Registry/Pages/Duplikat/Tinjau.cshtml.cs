using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Infrastructure;
using Payung.Regions.Contracts;
using Payung.Registry.Pages.Pekerja;
using Payung.Registry.RegisterWorker;
using Payung.Registry.ReviewDuplicates;

namespace Payung.Registry.Pages.Duplikat;

/// <summary>
/// One likely duplicate, both workers side by side (audited as a full view of each), with the two decisions:
/// merge into the survivor the operator picks, or dismiss. The same use cases as the API. Reading needs
/// <see cref="Permissions.ReadPersonalData"/>; deciding, <see cref="Permissions.WritePersonalData"/>.
/// </summary>
[Authorize(Policy = Permissions.ReadPersonalData)]
public sealed class TinjauModel(
    GetDuplicateCandidate getCandidate,
    MergeDuplicate mergeDuplicate,
    DismissDuplicate dismissDuplicate,
    IAuthorizationService authorization,
    ListOccupations occupations,
    IRegionDirectory regions,
    CallerContext caller) : PageModel
{
    public DuplicateCandidateResponse Candidate { get; private set; } = null!;

    /// <summary>Both sides' villages and occupations by name.</summary>
    public WorkerNames Names { get; private set; } = WorkerNames.None;

    [BindProperty(Name = "survivorId")]
    public Guid? SurvivorId { get; set; }

    [BindProperty(Name = "note")]
    public string? Note { get; set; }

    public bool CanDecide => WorkerDisplay.CanWrite(caller.Scope) && Candidate.Status == "open";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGabungAsync(Guid id, CancellationToken ct)
    {
        if (!await MayDecideAsync())
        {
            return Forbid();
        }

        var outcome = await mergeDuplicate.ExecuteAsync(id, new MergeDuplicateRequest(SurvivorId, Note), ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = outcome.Value.FilledFields.Count > 0
                ? RegistryText.T.Format("Data telah digabung. Dilengkapi dari data yang digabung: {0}.",
                    string.Join(", ", outcome.Value.FilledFields.Select(WorkerDisplay.Field)))
                : RegistryText.T["Data telah digabung."];
            return Redirect($"/pekerja/{outcome.Value.SurvivorId}");
        }

        return await RefusedAsync(id, outcome.Refusal, ct);
    }

    public async Task<IActionResult> OnPostTolakAsync(Guid id, CancellationToken ct)
    {
        if (!await MayDecideAsync())
        {
            return Forbid();
        }

        var outcome = await dismissDuplicate.ExecuteAsync(id, new DismissDuplicateRequest(Note), ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = RegistryText.T["Kandidat ditandai bukan duplikat."];
            return Redirect("/duplikat");
        }

        return await RefusedAsync(id, outcome.Refusal, ct);
    }

    public bool Differs(Func<CandidateWorker, object?> field) =>
        !Equals(field(Candidate.Worker), field(Candidate.OtherWorker));

    // Razor Pages cannot put a policy on one handler; the page's own policy only lets readers in.
    private async Task<bool> MayDecideAsync() =>
        (await authorization.AuthorizeAsync(User, HttpContext, Permissions.WritePersonalData)).Succeeded;

    private async Task<IActionResult> RefusedAsync(Guid id, Refusal refusal, CancellationToken ct)
    {
        if (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        FormErrors.Add(ModelState, refusal);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await getCandidate.ExecuteAsync(id, "page", ct);
        if (!found.Succeeded)
        {
            return false;
        }

        Candidate = found.Value;
        Names = await WorkerNames.ForAsync(occupations, regions, [Candidate.Worker.VillageCode, Candidate.OtherWorker.VillageCode], ct);
        return true;
    }
}
