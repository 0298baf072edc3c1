using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Programs.ManageProgrammes;

namespace Payung.Programs.Pages.Program;

/// <summary>
/// One programme with its ceiling, commitments and participants, and the activate/close buttons: the same use
/// cases as <c>GET /api/v1/programmes/{id}</c>, <c>…/activate</c> and <c>…/close</c>.
/// </summary>
[Authorize(Policy = Permissions.ReadPrograms)]
public sealed class LihatModel(GetProgramme get, CallerContext caller, IEnumerable<Payung.Programs.Contracts.IProgrammeBilling> billing) : PageModel
{
    /// <summary>Billed and paid, from the Billing module when the host has it.</summary>
    public Payung.Programs.Contracts.ProgrammeBillingFigures? Billing { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public ProgrammeDetailResponse Detail { get; private set; } = null!;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The write buttons: the role may manage programmes and this one lies within the caller's region.</summary>
    public bool CanManage => ProgrammePermissions.CanManage(caller.Scope) && (Detail is null || caller.Scope.Covers(Detail.Programme.RegionCode));

    public bool CanReadParticipants => ProgrammePermissions.Has(caller.Scope, Permissions.ReadPersonalData);

    public bool CanEnrol => ProgrammePermissions.Has(caller.Scope, Permissions.WritePersonalData);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct);

    // Razor Pages ignore [Authorize] on handlers, so the page reads for everyone and the write handlers check here.
    public async Task<IActionResult> OnPostActivateAsync(Guid id, [FromServices] ActivateProgramme activate, CancellationToken ct) =>
        CanManage
            ? await AfterAsync(id, await activate.ExecuteAsync(id, ct), "Program diaktifkan; pendaftaran peserta dapat dimulai.", ct)
            : Forbid();

    public async Task<IActionResult> OnPostCloseAsync(Guid id, [FromServices] CloseProgramme close, CancellationToken ct) =>
        CanManage ? await AfterAsync(id, await close.ExecuteAsync(id, ct), "Program ditutup.", ct) : Forbid();

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
        if (billing.FirstOrDefault() is { } source)
        {
            Billing = await source.FiguresAsync(id, ct);
        }

        return Page();
    }
}
