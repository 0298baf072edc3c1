using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Programs.ManageFunders;

namespace Payung.Programs.Pages.Program;

/// <summary>Funders in scope and a form to add one: <see cref="ListFunders"/> and <see cref="CreateFunder"/>, as the API.</summary>
[Authorize(Policy = Permissions.ReadPrograms)]
public sealed class PemberiDanaModel(ListFunders list, CallerContext caller) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? RegionCode { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<FunderResponse> Funders { get; private set; } = [];

    public bool CanManage => ProgrammePermissions.CanManage(caller.Scope);

    public async Task OnGetAsync(CancellationToken ct) => Funders = await list.ExecuteAsync(ct);

    // Razor Pages ignore [Authorize] on handlers: the list reads for everyone, creating is checked here.
    public async Task<IActionResult> OnPostAsync([FromServices] CreateFunder create, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        ModelState.Clear();
        var outcome = await create.ExecuteAsync(new CreateFunderRequest(Name, Kind, RegionCode), ct);
        if (outcome.Succeeded)
        {
            Notice = $"{outcome.Value.Name} ditambahkan sebagai pemberi dana.";
            return Redirect("/program/pemberi-dana");
        }

        ProgrammeForm.AddErrors(ModelState, outcome.Refusal);
        Funders = await list.ExecuteAsync(ct);
        return Page();
    }

    public string? ErrorFor(string field) => ProgrammeForm.ErrorFor(ModelState, field);

    public string InvalidClass(string field) => ErrorFor(field) is null ? "" : "is-invalid";
}
