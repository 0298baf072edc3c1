using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Infrastructure.Pages;
using Payung.Programs.ManageFunders;
using Payung.Regions.Contracts;

namespace Payung.Programs.Pages.Program;

/// <summary>
/// Funders in scope, with their regions by name, and a form to add one whose region is chosen with the region picker:
/// <see cref="ListFunders"/> and <see cref="CreateFunder"/>, as the API.
/// </summary>
[Authorize(Policy = Permissions.ReadPrograms)]
public sealed class PemberiDanaModel(ListFunders list, IRegionDirectory regions, CallerContext caller) : PageModel
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

    public RegionNames Names { get; private set; } = RegionNames.None;

    public bool CanManage => ProgrammePermissions.CanManage(caller.Scope);

    public RegionPicker RegionPicker => new(
        Name: "regionCode",
        Label: ProgramsText.T["Wilayah"],
        Level: null,
        Chosen: string.IsNullOrWhiteSpace(RegionCode) ? [] : [new PickedRegion(RegionCode.Trim(), Names.WithCode(RegionCode.Trim()))],
        Within: caller.Scope.AllRegions ? null : caller.Scope.ScopeCode,
        Error: ErrorFor("regionCode"),
        Help: ProgramsText.T["Pemerintah kabupaten/kota: kabupaten atau kota; provinsi: provinsi; desa: desa; perusahaan: di mana saja."]);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

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
            Notice = ProgramsText.T.Format("{0} ditambahkan sebagai pemberi dana.", outcome.Value.Name);
            return Redirect("/program/pemberi-dana");
        }

        ProgrammeForm.AddErrors(ModelState, outcome.Refusal);
        await LoadAsync(ct);
        return Page();
    }

    public string? ErrorFor(string field) => ProgrammeForm.ErrorFor(ModelState, field);

    public string InvalidClass(string field) => ErrorFor(field) is null ? "" : "is-invalid";

    private async Task LoadAsync(CancellationToken ct)
    {
        Funders = await list.ExecuteAsync(ct);
        Names = await regions.NamesAsync(Funders.Select(f => f.RegionCode).Append(RegionCode?.Trim()), ct);
    }
}
