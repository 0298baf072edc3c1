using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Programs.ManageProgrammes;

namespace Payung.Programs.Pages.Program;

/// <summary>The programmes in the caller's scope: the same <see cref="ListProgrammes"/> as <c>GET /api/v1/programmes</c>.</summary>
[Authorize(Policy = Permissions.ReadPrograms)]
public sealed class IndexModel(ListProgrammes list, CallerContext caller) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    public Paged<ProgrammeResponse>? Result { get; private set; }

    public string? Error { get; private set; }

    public bool CanManage => ProgrammePermissions.CanManage(caller.Scope);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var outcome = await list.ExecuteAsync(Status, PageNumber, 50, ct);
        if (outcome.Succeeded)
        {
            Result = outcome.Value;
        }
        else
        {
            Error = string.Join(" ", outcome.Refusal.Messages().Select(m => m.Message));
        }
    }
}
