using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Infrastructure;
using Payung.Regions.Contracts;
using Payung.Registry.GetWorker;
using Payung.Registry.RegisterWorker;

namespace Payung.Registry.Pages.Pekerja;

/// <summary>
/// Edit a worker: the same <see cref="GetWorker.GetWorker"/> and <see cref="EditWorker.EditWorker"/> as the API. The
/// form carries the version it was opened with, so a change someone saved meanwhile is reported, not overwritten.
/// </summary>
[Authorize(Policy = Permissions.WritePersonalData)]
public sealed class UbahModel(
    GetWorker.GetWorker getWorker,
    EditWorker.EditWorker editWorker,
    ListOccupations occupations,
    IRegionDirectory regions,
    CallerContext caller) : PageModel
{
    [BindProperty]
    public WorkerForm Form { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The worker as stored (not as typed into the form).</summary>
    public WorkerResponse Worker { get; private set; } = null!;

    public WorkerFields Fields { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await getWorker.ExecuteAsync(WorkerKey.ForId(id), "page", ct);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        Worker = found.Value;
        if (Worker.MergedInto is not null)
        {
            return Redirect($"/pekerja/{id}");
        }

        Form = WorkerForm.From(Worker);
        Fields = await WorkerFields.ForAsync(Form, isNew: false, caller.Scope, occupations, regions, ModelState, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await editWorker.ExecuteAsync(WorkerKey.ForId(id), Form.ToEditRequest(), ct);
        if (outcome is { Succeeded: false, Refusal.Status: StatusCodes.Status404NotFound })
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            Notice = RegistryText.T.Format("Perubahan data {0} telah disimpan.", outcome.Value.FullName);
            return Redirect($"/pekerja/{id}");
        }

        WorkerFields.AddRefusal(ModelState, outcome.Refusal, Form);
        var found = await getWorker.ExecuteAsync(WorkerKey.ForId(id), "page", ct);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        Worker = found.Value;
        Form.Nik = Worker.Nik;
        Fields = await WorkerFields.ForAsync(Form, isNew: false, caller.Scope, occupations, regions, ModelState, ct);
        return Page();
    }
}
