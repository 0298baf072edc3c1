using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Programs.Contracts;
using Payung.Programs.ManageProgrammes;
using Payung.Regions.Contracts;
using Payung.Registry.Contracts;
using Payung.Shared;

namespace Payung.Programs.Pages.Program;

/// <summary>
/// One programme with its ceiling, commitments and participants, its terms in words, and the activate/close buttons:
/// the same use cases as <c>GET /api/v1/programmes/{id}</c>, <c>…/activate</c> and <c>…/close</c>.
/// </summary>
[Authorize(Policy = Permissions.ReadPrograms)]
public sealed class LihatModel(GetProgramme get, CallerContext caller, IRegionDirectory regions, OccupationList occupations,
    BusinessCalendar calendar, IEnumerable<IProgrammeBilling> billing, ListVillagesBelowTarget.ListVillagesBelowTarget belowTarget) : PageModel
{
    public const int VillagePageSize = 25;

    /// <summary>The page of the villages below the target (<c>?halamanDesa=2</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "halamanDesa")]
    public int VillagePage { get; set; } = 1;

    /// <summary>The villages still below the programme's per-village target; null when it has none.</summary>
    public ListVillagesBelowTarget.VillagesBelowTarget? BelowTarget { get; private set; }

    /// <summary>Billed and paid, from the Billing module when the host has it.</summary>
    public ProgrammeBillingFigures? Billing { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public ProgrammeDetailResponse Detail { get; private set; } = null!;

    public RegionNames Names { get; private set; } = RegionNames.None;

    public IReadOnlyList<string> OccupationNames { get; private set; } = [];

    /// <summary>The status as a person reads it (<see cref="ProgrammePermissions.State"/>): <c>ended</c> once its months have passed.</summary>
    public string State { get; private set; } = "draft";

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The write buttons: the role may manage programmes and this one lies within the caller's region.</summary>
    public bool CanManage => Detail is not null && ProgrammePermissions.CanManage(caller.Scope, Detail.Programme);

    public bool CanReadParticipants => ProgrammePermissions.Has(caller.Scope, Permissions.ReadPersonalData);

    public bool CanEnrol => ProgrammePermissions.Has(caller.Scope, Permissions.WritePersonalData);

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    // Razor Pages ignore [Authorize] on handlers, so the page reads for everyone and the write handlers check here.
    public async Task<IActionResult> OnPostActivateAsync(Guid id, [FromServices] ActivateProgramme activate, CancellationToken ct) =>
        await ManagesAsync(id, ct)
            ? await AfterAsync(id, await activate.ExecuteAsync(id, ct), ProgramsText.T["Program diaktifkan; pendaftaran peserta dapat dimulai."], ct)
            : Forbid();

    public async Task<IActionResult> OnPostCloseAsync(Guid id, [FromServices] CloseProgramme close, CancellationToken ct) =>
        await ManagesAsync(id, ct) ? await AfterAsync(id, await close.ExecuteAsync(id, ct), ProgramsText.T["Program ditutup."], ct) : Forbid();

    private async Task<bool> ManagesAsync(Guid id, CancellationToken ct)
    {
        if (!ProgrammePermissions.CanManage(caller.Scope))
        {
            return false;
        }

        // An unknown or unseen programme goes on to the use case, which answers it as not found.
        var outcome = await get.ExecuteAsync(id, ct);
        return !outcome.Succeeded || ProgrammePermissions.CanManage(caller.Scope, outcome.Value.Programme);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Outcome<ProgrammeResponse> outcome, string notice, CancellationToken ct)
    {
        if (outcome.Succeeded)
        {
            Notice = notice;
            return Redirect($"/program/{id}");
        }

        if (outcome.Refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        Errors = outcome.Refusal.Messages().Select(m => m.Message).ToList();
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var outcome = await get.ExecuteAsync(id, ct);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        Detail = outcome.Value;
        var p = Detail.Programme;
        State = ProgrammePermissions.State(p, calendar.CurrentMonth());
        Names = await regions.NamesAsync(p.DomicileCodes.Append(p.RegionCode), ct);
        OccupationNames = p.OccupationCodes.Count == 0 ? [] : ProgrammeDisplay.Occupations(p.OccupationCodes, await occupations.ReadAsync(ct));
        if (p.VillageTarget is not null
            && await belowTarget.ExecuteAsync(id, VillagePage, VillagePageSize, ct) is { Succeeded: true } below)
        {
            BelowTarget = below.Value;
        }

        if (billing.FirstOrDefault() is { } source)
        {
            Billing = await source.FiguresAsync(id, ct);
        }

        return Page();
    }
}
