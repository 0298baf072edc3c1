using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Programs.ManageFunders;
using Payung.Programs.ManageProgrammes;
using Payung.Regions.Contracts;
using Payung.Registry.Contracts;

namespace Payung.Programs.Pages.Program;

/// <summary>
/// Edit a draft: the same <see cref="EditProgramme"/> as <c>PUT /api/v1/programmes/{id}</c>. Only who may manage this
/// programme (its region in the caller's scope) gets the form; others are sent back to the programme's page.
/// </summary>
[Authorize(Policy = Permissions.ManagePrograms)]
public sealed class UbahModel(GetProgramme get, EditProgramme edit, ListFunders funders, OccupationList occupations,
    IRegionDirectory regions, CallerContext caller) : PageModel
{
    [BindProperty]
    public ProgrammeForm Form { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public Guid Id { get; private set; }

    /// <summary>The programme's name as stored, for the breadcrumb (the form's may be mid-edit).</summary>
    public string ProgrammeName { get; private set; } = "";

    public ProgrammeFields Fields { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await get.ExecuteAsync(id, ct);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var programme = outcome.Value.Programme;
        if (programme.Status != "draft" || !ProgrammePermissions.CanManage(caller.Scope, programme))
        {
            return Redirect($"/program/{id}");
        }

        Id = id;
        ProgrammeName = programme.Name;
        Form = ProgrammeForm.Of(programme);
        Fields = await ProgrammeFields.LoadAsync(Form, programme.RegionCode, funders, occupations, regions, ModelState, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await edit.ExecuteAsync(id, Form.ToRequest(), ct);
        if (outcome.Succeeded)
        {
            Notice = ProgramsText.T["Perubahan program disimpan."];
            return Redirect($"/program/{id}");
        }

        if (outcome.Refusal.Code == ProgrammeRules.NotFoundCode)
        {
            return NotFound();
        }

        var current = await get.ExecuteAsync(id, ct);
        Id = id;
        ProgrammeName = current.Succeeded ? current.Value.Programme.Name : Form.Name ?? "";
        ProgrammeForm.AddErrors(ModelState, outcome.Refusal);
        Fields = await ProgrammeFields.LoadAsync(Form, current.Succeeded ? current.Value.Programme.RegionCode : null, funders, occupations,
            regions, ModelState, ct);
        return Page();
    }
}
