using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Programs.ManageFunders;
using Payung.Programs.ManageProgrammes;

namespace Payung.Programs.Pages.Program;

/// <summary>Edit a draft: the same <see cref="EditProgramme"/> as <c>PUT /api/v1/programmes/{id}</c>.</summary>
[Authorize(Policy = Permissions.ManagePrograms)]
public sealed class UbahModel(GetProgramme get, EditProgramme edit, ListFunders funders) : PageModel
{
    [BindProperty]
    public ProgrammeForm Form { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public Guid Id { get; private set; }

    public ProgrammeFields Fields { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await get.ExecuteAsync(id, ct);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        if (outcome.Value.Programme.Status != "draft")
        {
            return Redirect($"/program/{id}");
        }

        Id = id;
        Form = ProgrammeForm.Of(outcome.Value.Programme);
        Fields = new ProgrammeFields(Form, await funders.ExecuteAsync(ct), ModelState);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await edit.ExecuteAsync(id, Form.ToRequest(), ct);
        if (outcome.Succeeded)
        {
            Notice = "Perubahan program disimpan.";
            return Redirect($"/program/{id}");
        }

        if (outcome.Refusal.Code == ProgrammeRules.NotFoundCode)
        {
            return NotFound();
        }

        Id = id;
        ProgrammeForm.AddErrors(ModelState, outcome.Refusal);
        Fields = new ProgrammeFields(Form, await funders.ExecuteAsync(ct), ModelState);
        return Page();
    }
}
