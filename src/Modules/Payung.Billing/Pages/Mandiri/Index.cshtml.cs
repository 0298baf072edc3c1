using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Billing.ReportRetention;
using Payung.Infrastructure.Pages;
using Payung.Regions.Contracts;
using Payung.Shared;

namespace Payung.Billing.Pages.Mandiri;

/// <summary>
/// The retention table ("melanjutkan iuran secara mandiri"): the same <see cref="ReportRetention"/> as
/// <c>GET /api/v1/retention</c>, its regions by name, a page of <see cref="PageSize"/> rows at a time (the total row
/// counts every region). The filters are a regency picker and a list of the ended programmes in the caller's scope.
/// </summary>
[Authorize(Policy = Permissions.ReadPrograms)]
public sealed class IndexModel(ReportRetention.ReportRetention report, IRegionDirectory regions, CallerContext caller) : PageModel
{
    public const int PageSize = 50;

    /// <summary>How many ended programmes the filter offers; a programme chosen beyond them is still kept.</summary>
    public const int ProgrammeChoices = 300;

    [BindProperty(SupportsGet = true, Name = "kabupaten")]
    public string? Regency { get; set; }

    [BindProperty(SupportsGet = true, Name = "program")]
    public Guid? ProgrammeId { get; set; }

    [BindProperty(SupportsGet = true, Name = "tingkat")]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public int? PageNumber { get; set; }

    public RetentionResponse? Result { get; private set; }

    public IReadOnlyList<RetentionRow> Rows { get; private set; } = [];

    public int CurrentPage { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public IReadOnlyList<EndedProgramme> Programmes { get; private set; } = [];

    internal RegionNames Names { get; private set; } = RegionNames.None;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? RegencyError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var outcome = await report.ExecuteAsync(Regency, ProgrammeId, Level, ct);
        if (outcome.Succeeded)
        {
            Result = outcome.Value;
            PageCount = Math.Max(1, (Result.Rows.Count + PageSize - 1) / PageSize);
            CurrentPage = Math.Clamp(PageNumber ?? 1, 1, PageCount);
            Rows = Result.Rows.Skip((CurrentPage - 1) * PageSize).Take(PageSize).ToList();
        }
        else
        {
            var messages = outcome.Refusal.Messages().ToList();
            RegencyError = messages.Where(m => m.Field == "regency").Select(m => BillingText.T[m.Message]).FirstOrDefault();
            Errors = messages.Where(m => m.Field != "regency").Select(m => BillingText.T[m.Message]).ToList();
        }

        Programmes = await report.EndedProgrammesAsync(Result?.Regency, ProgrammeChoices, ct);
        Names = await regions.NamesAsync(Rows.Select(r => r.RegionCode).Append(Result?.Regency ?? Regency), ct);
    }

    public RegionPicker RegencyPicker => new(
        Name: "kabupaten",
        Label: BillingText.T["Kabupaten/kota"],
        Level: "regency",
        Chosen: string.IsNullOrWhiteSpace(Regency) ? [] : [new PickedRegion(Regency.Trim(), Names.WithCode(Regency.Trim()))],
        Within: PickerWithin(caller.Scope),
        Multiple: false,
        Error: RegencyError,
        Help: BillingText.T["Kosong: semua kabupaten/kota dalam wilayah Anda."]);

    /// <summary>The address of another page of the table with the same filters.</summary>
    public string PageLink(int page)
    {
        var query = new List<string>();
        if ((Result?.Level ?? Level) is { Length: > 0 } level)
        {
            query.Add("tingkat=" + Uri.EscapeDataString(level));
        }

        if (Regency is { Length: > 0 } regency)
        {
            query.Add("kabupaten=" + Uri.EscapeDataString(regency));
        }

        if (ProgrammeId is { } programme)
        {
            query.Add("program=" + programme);
        }

        query.Add("halaman=" + page);
        return "/mandiri?" + string.Join("&", query);
    }

    public static string LevelLabel(string level) => level switch
    {
        "district" => BillingText.T["Kecamatan"],
        "regency" => BillingText.T["Kabupaten/kota"],
        _ => BillingText.T["Desa/kelurahan"],
    };

    public static string Percent(RetentionFigure figure) => DisplayFormat.Percent(figure.Percent);

    // A regency picker can only look inside a province or a single regency: below that the caller's regency.
    private static string? PickerWithin(CallerScope scope) =>
        scope.AllRegions ? null
        : scope.Regencies.Count == 1 ? scope.Regencies[0]
        : RegionCode.TryParse(scope.ScopeCode, out var code) && code.Level == RegionLevel.Province ? code.Value
        : null;
}
