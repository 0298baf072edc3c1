using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Programs.ManageFunders;
using Payung.Programs.ManageProgrammes;
using Payung.Regions.Contracts;
using Payung.Registry.Contracts;
using Payung.Shared;

namespace Payung.Programs.Pages.Program;

/// <summary>Create a draft programme: the same <see cref="CreateProgramme"/> as <c>POST /api/v1/programmes</c>.</summary>
[Authorize(Policy = Permissions.ManagePrograms)]
public sealed class BaruModel(CreateProgramme create, ListFunders funders, OccupationList occupations, IRegionDirectory regions,
    CallerContext caller, BusinessCalendar calendar) : PageModel
{
    [BindProperty]
    public ProgrammeForm Form { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public ProgrammeFields Fields { get; private set; } = null!;

    /// <summary>Before a funder is chosen the programme has no region yet: domiciles are searched in the caller's area.</summary>
    private string? Within => caller.Scope.AllRegions ? null : caller.Scope.ScopeCode;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Form.FiscalYear ??= calendar.Today().Year;
        Fields = await ProgrammeFields.LoadAsync(Form, Within, funders, occupations, regions, ModelState, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The form's own binding errors (text in a number field) are reported by the use case per field instead.
        ModelState.Clear();
        var outcome = await create.ExecuteAsync(Form.ToRequest(), ct);
        if (outcome.Succeeded)
        {
            Notice = ProgramsText.T.Format("Program {0} dibuat sebagai draf.", outcome.Value.Name);
            return Redirect($"/program/{outcome.Value.Id}");
        }

        ProgrammeForm.AddErrors(ModelState, outcome.Refusal);
        Fields = await ProgrammeFields.LoadAsync(Form, Within, funders, occupations, regions, ModelState, ct);
        return Page();
    }
}
