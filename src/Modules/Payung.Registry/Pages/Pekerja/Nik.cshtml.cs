using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Registry.CorrectNik;
using Payung.Registry.GetWorker;

namespace Payung.Registry.Pages.Pekerja;

/// <summary>Correct a mistyped NIK: the same <see cref="CorrectNik.CorrectNik"/> as <c>PUT /api/v1/workers/{nik}/nik</c>.</summary>
[Authorize(Policy = Permissions.WritePersonalData)]
public sealed class NikModel(GetWorker.GetWorker getWorker, CorrectNik.CorrectNik correct) : PageModel
{
    [BindProperty(Name = "nik")]
    public string? NewNik { get; set; }

    [BindProperty(Name = "reason")]
    public string? Reason { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public WorkerResponse Worker { get; private set; } = null!;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await correct.ExecuteAsync(WorkerKey.ForId(id), new CorrectNikRequest(NewNik, Reason), ct);
        if (outcome.Succeeded)
        {
            Notice = RegistryText.T.Format("NIK {0} telah diperbaiki.", outcome.Value.FullName);
            return Redirect($"/pekerja/{id}");
        }

        if (outcome.Refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        Errors = outcome.Refusal.IsValidation
            ? outcome.Refusal.Messages().Select(m => m.Message).ToList()
            : [outcome.Refusal.Detail is { } detail ? $"{outcome.Refusal.Title} {detail}" : outcome.Refusal.Title];
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var found = await getWorker.ExecuteAsync(WorkerKey.ForId(id), "page", ct);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        Worker = found.Value;
        return Worker.MergedInto is null ? Page() : Redirect($"/pekerja/{id}");
    }
}
