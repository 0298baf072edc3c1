using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Programs.ManageFunders;
using Payung.Programs.ManageProgrammes;
using Payung.Shared;

namespace Payung.Programs.Pages.Program;

/// <summary>Create a draft programme: the same <see cref="CreateProgramme"/> as <c>POST /api/v1/programmes</c>.</summary>
[Authorize(Policy = Permissions.ManagePrograms)]
public sealed class BaruModel(CreateProgramme create, ListFunders funders, BusinessCalendar calendar) : PageModel
{
    [BindProperty]
    public ProgrammeForm Form { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public ProgrammeFields Fields { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Form.FiscalYear ??= calendar.Today().Year;
        Fields = new ProgrammeFields(Form, await funders.ExecuteAsync(ct), ModelState);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The form's own binding errors (text in a number field) are reported by the use case per field instead.
        ModelState.Clear();
        var outcome = await create.ExecuteAsync(Form.ToRequest(), ct);
        if (outcome.Succeeded)
        {
            Notice = $"Program {outcome.Value.Name} dibuat sebagai draf.";
            return Redirect($"/program/{outcome.Value.Id}");
        }

        ProgrammeForm.AddErrors(ModelState, outcome.Refusal);
        Fields = new ProgrammeFields(Form, await funders.ExecuteAsync(ct), ModelState);
        return Page();
    }
}
