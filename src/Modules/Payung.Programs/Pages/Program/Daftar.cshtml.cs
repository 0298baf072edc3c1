using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Infrastructure.Spreadsheets;
using Payung.Programs.EnrollByNik;
using Payung.Programs.EnrollWorkers;
using Payung.Infrastructure.Pages;
using Payung.Programs.ManageProgrammes;
using Payung.Regions.Contracts;
using Payung.Registry.Contracts;

namespace Payung.Programs.Pages.Program;

/// <summary>
/// Enrol workers into a programme: by NIK (typed, one per line), every eligible worker of a village up to a number,
/// (chosen with the region picker) or from a NIK file. Thin over <see cref="EnrollWorkersByNik"/>, <see cref="EnrollWorkers.EnrollWorkers"/> and
/// <see cref="EnrollFromFile"/>, as the API; the verdicts of the last request are shown with their reasons.
/// </summary>
[Authorize(Policy = Permissions.WritePersonalData)]
[RequestFormLimits(MultipartBodyLengthLimit = 4L * 1024 * 1024)]
[RequestSizeLimit(4L * 1024 * 1024)]
public sealed class DaftarModel(GetProgramme get, WorkerNiks workerNiks, IRegionDirectory regions, CallerContext caller,
    Payung.Shared.BusinessCalendar calendar)
    : PageModel
{
    /// <summary>yyyy-MM-dd from the date field: the day BPJS registered the participants; empty means today.</summary>
    [BindProperty]
    public string? TanggalTerdaftar { get; set; }

    public DateOnly Today => calendar.Today();

    [BindProperty]
    public string? Niks { get; set; }

    [BindProperty]
    public string? Desa { get; set; }

    [BindProperty]
    public int? Batas { get; set; }

    [BindProperty]
    public IFormFile? Berkas { get; set; }

    public ProgrammeDetailResponse Detail { get; private set; } = null!;

    public RegionNames Names { get; private set; } = RegionNames.None;

    /// <summary>The region the village picker searches in: the caller's own area inside the programme's, or the programme's.</summary>
    public string VillageWithin
    {
        get
        {
            var programme = Detail.Programme.RegionCode;
            return caller.Scope is { AllRegions: false, ScopeCode: { } own } && own.StartsWith(programme + ".", StringComparison.Ordinal)
                ? own
                : programme;
        }
    }

    public RegionPicker VillagePicker => new(
        Name: "Desa",
        Label: ProgramsText.T["Desa/kelurahan atau kecamatan"],
        Level: null,
        Chosen: string.IsNullOrWhiteSpace(Desa) ? [] : [new PickedRegion(Desa.Trim(), Names.WithCode(Desa.Trim()))],
        Within: VillageWithin,
        Error: VillageError,
        Help: ProgramsText.T["Ketik nama desa atau kecamatan lalu pilih dari daftar."]);

    public string? VillageError { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyList<VerdictLine>? Verdicts { get; private set; }

    public (int Enrolled, int Waiting, int Rejected, long Committed)? Summary { get; private set; }

    public static int MaxRows => EnrollWorkers.EnrollWorkers.MaxWorkerIds;

    public static int MaxFilterLimit => EnrollWorkers.EnrollWorkers.MaxFilterLimit;

    public static ImportLimits FileLimits => EnrollFromFile.Limits;

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostNikAsync(Guid id, [FromServices] EnrollWorkersByNik enroll, CancellationToken ct)
    {
        var rows = (Niks ?? "").Split(['\n', ',', ';', ' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Select((nik, i) => new NikListRow(i + 1, nik)).ToList();
        return await AfterAsync(id, await enroll.ExecuteAsync(id, rows, ct, Start), ct);
    }

    private string? Start => string.IsNullOrWhiteSpace(TanggalTerdaftar) ? null : TanggalTerdaftar.Trim();

    public async Task<IActionResult> OnPostVillageAsync(Guid id, [FromServices] EnrollWorkers.EnrollWorkers enroll, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Desa))
        {
            VillageError = ProgramsText.T["Pilih desa/kelurahan atau kecamatan yang pesertanya didaftarkan."];
            return await ShowAsync(id, ct);
        }

        var outcome = await enroll.ExecuteAsync(id, new EnrollWorkersRequest(null, new EnrollmentFilter(Desa?.Trim(), Batas), Start), ct);
        if (outcome.Succeeded)
        {
            var workers = await workerNiks.DescribeAsync(outcome.Value.Verdicts.Select(v => v.WorkerId).ToList(), ct);
            Verdicts = VerdictLine.Of(outcome.Value.Verdicts, workers);
            Summary = (outcome.Value.Enrolled, outcome.Value.Waiting, outcome.Value.Rejected, outcome.Value.CommittedTotal);
        }

        return await ShowAsync(id, ct, outcome.Refusal);
    }

    public async Task<IActionResult> OnPostFileAsync(Guid id, [FromServices] EnrollFromFile enroll, CancellationToken ct)
    {
        if (Berkas is null || Berkas.Length == 0)
        {
            Errors = [ProgramsText.T["Pilih berkas .xlsx atau .csv berkolom NIK untuk diunggah."]];
            return await ShowAsync(id, ct);
        }

        byte[] content;
        try
        {
            content = await ImportUpload.ReadAsync(Berkas, FileLimits, ct);
        }
        catch (ImportRefusedException e)
        {
            return await ShowAsync(id, ct, EnrollFromFile.Refused(e));
        }

        return await AfterAsync(id, await enroll.ExecuteAsync(id, content, ct, Start), ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Outcome<EnrollByNikResponse> outcome, CancellationToken ct)
    {
        if (outcome.Succeeded)
        {
            var ids = outcome.Value.Rows.Where(r => r.WorkerId is not null).Select(r => r.WorkerId!.Value).ToList();
            Verdicts = VerdictLine.Of(outcome.Value.Rows, await workerNiks.DescribeAsync(ids, ct));
            Summary = (outcome.Value.Enrolled, outcome.Value.Waiting, outcome.Value.Rejected, outcome.Value.CommittedTotal);
        }

        return await ShowAsync(id, ct, outcome.Refusal);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct, Refusal? refusal = null)
    {
        if (refusal?.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        var outcome = await get.ExecuteAsync(id, ct);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        Detail = outcome.Value;
        if (refusal is not null)
        {
            Errors = refusal.Messages().Select(m => m.Message).ToList();
        }

        Names = await regions.NamesAsync([Desa?.Trim(), Detail.Programme.RegionCode], ct);

        return Page();
    }
}
