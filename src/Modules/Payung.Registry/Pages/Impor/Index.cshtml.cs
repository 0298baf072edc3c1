using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;
using Payung.Access.Contracts;
using Payung.Infrastructure;
using Payung.Infrastructure.Pages;
using Payung.Regions.Contracts;
using Payung.Registry.ImportWorkers;
using Payung.Shared;

namespace Payung.Registry.Pages.Impor;

/// <summary>
/// Upload of a worker list (.xlsx or .csv) for people: the same <see cref="StartWorkerImport"/> as
/// <c>POST /api/v1/imports/workers</c>; on success it goes to the import's page, which follows the job.
/// </summary>
[Authorize(Policy = Permissions.WritePersonalData)]
[RequestFormLimits(MultipartBodyLengthLimit = 64L * 1024 * 1024)]
[RequestSizeLimit(64L * 1024 * 1024)]
public sealed class IndexModel(
    StartWorkerImport start,
    GetWorkerImport imports,
    IRegionDirectory regions,
    CallerContext caller,
    IConfiguration configuration) : PageModel
{
    [BindProperty]
    public IFormFile? Berkas { get; set; }

    [BindProperty]
    public string? Desa { get; set; }

    public string? Error { get; private set; }

    public string? ErrorDetail { get; private set; }

    public IReadOnlyList<WorkerImportStatus> Recent { get; private set; } = [];

    public ImportLimits Limits => ImportLimits.WebFrom(configuration);

    /// <summary>A village operator's rows default to its own village.</summary>
    public string? OwnVillage => caller.Scope.Role == Role.DesaOperator ? caller.Scope.ScopeCode : null;

    /// <summary>The village for rows whose Kode Desa is empty, searched by name inside the caller's area.</summary>
    public RegionPicker VillagePicker { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Berkas is null || Berkas.Length == 0)
        {
            Error = RegistryText.T["Pilih berkas .xlsx atau .csv untuk diunggah."];
        }
        else
        {
            try
            {
                var content = await ImportUpload.ReadAsync(Berkas, Limits, ct);
                var id = await start.UploadAsync(Berkas.FileName, content, Desa, Limits, ct);
                return Redirect($"/impor/{id}");
            }
            catch (ImportRefusedException e)
            {
                (Error, ErrorDetail) = (e.Message, e.Detail);
            }
        }

        await ShowAsync(ct);
        return Page();
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        Recent = await imports.RecentAsync(20, ct);
        var village = string.IsNullOrWhiteSpace(Desa) ? null : Desa.Trim();
        var names = await regions.NamesAsync([village, OwnVillage], ct);
        VillagePicker = new RegionPicker(nameof(Desa), RegistryText.T["Desa bawaan (bila kolom Kode Desa kosong)"], "village",
            village is null ? [] : [new PickedRegion(village, names.WithCode(village))],
            Within: Pekerja.WorkerDisplay.PickerWithin(caller.Scope),
            Help: OwnVillage is { } own
                ? RegistryText.T.Format("Kosongkan untuk memakai desa Anda ({0}).", names.Describe(own))
                : RegistryText.T["Boleh dikosongkan bila setiap baris mengisi Kode Desa."]);
    }
}
