using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Infrastructure;
using Payung.Regions.Contracts;
using Payung.Registry.RegisterWorker;

namespace Payung.Registry.Pages.Pekerja;

/// <summary>Register a worker: the same <see cref="RegisterWorker.RegisterWorker"/> as <c>POST /api/v1/workers</c>.</summary>
[Authorize(Policy = Permissions.WritePersonalData)]
public sealed class BaruModel(
    RegisterWorker.RegisterWorker registerWorker,
    ListOccupations occupations,
    IRegionDirectory regions,
    CallerContext caller) : PageModel
{
    [BindProperty]
    public WorkerForm Form { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public WorkerFields Fields { get; private set; } = null!;

    /// <summary>Set when the NIK is already registered and the caller can see that worker.</summary>
    public Guid? ExistingWorkerId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Fields = await WorkerFields.ForAsync(Form, isNew: true, caller.Scope, occupations, regions, ModelState, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await registerWorker.ExecuteAsync(Form.ToRegisterRequest(), ct);
        if (outcome.Succeeded)
        {
            Notice = outcome.Value.NikWarnings.Count > 0
                ? RegistryText.T.Format("{0} telah didaftarkan, dengan peringatan NIK yang perlu ditinjau.", outcome.Value.FullName)
                : RegistryText.T.Format("{0} telah didaftarkan.", outcome.Value.FullName);
            return Redirect($"/pekerja/{outcome.Value.Id}");
        }

        WorkerFields.AddRefusal(ModelState, outcome.Refusal, Form);
        ExistingWorkerId = outcome.Refusal.Extensions?.GetValueOrDefault("workerId") as Guid?;
        Fields = await WorkerFields.ForAsync(Form, isNew: true, caller.Scope, occupations, regions, ModelState, ct);
        return Page();
    }
}
