using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Programs.EndEnrollment;
using Payung.Programs.EnrollWorkers;
using Payung.Infrastructure.Pages;
using Payung.Programs.ManageProgrammes;
using Payung.Regions.Contracts;
using Payung.Shared;

namespace Payung.Programs.Pages.Program;

/// <summary>
/// A programme's participants in the caller's scope, per status and page, with the NIK masked as the scope requires,
/// the village by name, and a form per participant to end the enrolment, where the operator must choose the reason
/// (none is pre-selected: one careless click must not record a death): <see cref="ListEnrollments"/> and <see cref="EndEnrollment.EndEnrollment"/>,
/// as <c>GET /api/v1/programmes/{id}/enrollments</c> and <c>POST /api/v1/enrollments/{id}/end</c>.
/// </summary>
[Authorize(Policy = Permissions.ReadPersonalData)]
public sealed class PesertaModel(GetProgramme get, ListEnrollments list, CallerContext caller, BusinessCalendar calendar,
    IRegionDirectory regions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    [TempData]
    public string? Notice { get; set; }

    public ProgrammeDetailResponse Detail { get; private set; } = null!;

    public Paged<EnrollmentSummary>? Result { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public RegionNames Names { get; private set; } = RegionNames.None;

    /// <summary>The enrolment whose ending was refused, to show the form's own message beside it.</summary>
    public Guid? FailedEnrollment { get; private set; }

    public string? EndError { get; private set; }

    public bool CanWrite => ProgrammePermissions.Has(caller.Scope, Permissions.WritePersonalData);

    /// <summary>The month an ending form offers: this month in Jakarta, the usual last month paid.</summary>
    public string ThisMonth => calendar.CurrentMonth().ToString();

    public static IReadOnlyList<string> EndReasons => EndEnrollment.EndEnrollment.Reasons;

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    // Razor Pages ignore [Authorize] on handlers: reading is the page's policy, ending is checked here.
    public async Task<IActionResult> OnPostEndAsync(Guid id, Guid enrollmentId, string? reason, string? lastMonth,
        [FromServices] EndEnrollment.EndEnrollment end, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            FailedEnrollment = enrollmentId;
            EndError = ProgramsText.T["Pilih alasan kepesertaan berakhir."];
            return await ShowAsync(id, ct);
        }

        var outcome = await end.ExecuteAsync(enrollmentId, new EndEnrollmentRequest(reason, lastMonth), ct);
        if (outcome.Succeeded)
        {
            Notice = ProgramsText.T.Format("Kepesertaan diakhiri setelah {0}; {1} kembali ke pagu.",
                    DisplayFormat.Month(outcome.Value.LastMonth), DisplayFormat.Rupiah(outcome.Value.Released))
                + (outcome.Value.PromotedEnrollmentId is null ? "" : " " + ProgramsText.T["Satu pekerja dari daftar tunggu kini aktif."]);
            return Redirect($"/program/{id}/peserta?status={Status}&halaman={PageNumber}");
        }

        if (outcome.Refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        FailedEnrollment = enrollmentId;
        EndError = string.Join(" ", outcome.Refusal.Messages().Select(m => m.Message));
        return await ShowAsync(id, ct);
    }

    public static string StatusLabel(string status) => status switch
    {
        "active" => ProgramsText.T["Aktif"],
        "waiting" => ProgramsText.T["Menunggu"],
        _ => ProgramsText.T["Berakhir"],
    };

    public static string ReasonLabel(string? reason) => reason switch
    {
        "death" => ProgramsText.T["Meninggal dunia"],
        "moved" => ProgramsText.T["Pindah domisili"],
        "wage_earner" => ProgramsText.T["Menjadi pekerja penerima upah"],
        "withdrawn" => ProgramsText.T["Mengundurkan diri"],
        "other" => ProgramsText.T["Lainnya"],
        _ => "",
    };

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var programme = await get.ExecuteAsync(id, ct);
        if (!programme.Succeeded)
        {
            return NotFound();
        }

        Detail = programme.Value;
        var outcome = await list.ExecuteAsync(id, string.IsNullOrEmpty(Status) ? null : Status, PageNumber, ct);
        if (outcome.Succeeded)
        {
            Result = outcome.Value;
            Names = await regions.NamesAsync(Result.Items.Select(e => e.VillageCode), ct);
        }
        else if (outcome.Refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
        else
        {
            Errors = [.. Errors, .. outcome.Refusal.Messages().Select(m => m.Message)];
        }

        return Page();
    }
}
