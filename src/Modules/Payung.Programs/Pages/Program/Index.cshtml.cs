using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Infrastructure.Pages;
using Payung.Programs.ManageFunders;
using Payung.Programs.ManageProgrammes;
using Payung.Regions.Contracts;
using Payung.Shared;

namespace Payung.Programs.Pages.Program;

/// <summary>
/// The programmes in the caller's scope, searched by name and filtered by region, funder, status and fiscal year, a
/// page at a time: the same <see cref="ListProgrammes"/> as <c>GET /api/v1/programmes</c>. Every link keeps the filters.
/// </summary>
[Authorize(Policy = Permissions.ReadPrograms)]
public sealed class IndexModel(ListProgrammes list, ListFunders funders, IRegionDirectory regions, CallerContext caller,
    BusinessCalendar calendar) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? FunderId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>Text, so that a mistyped year is answered by the use case's message rather than dropped.</summary>
    [BindProperty(SupportsGet = true, Name = "tahun")]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    public Paged<ProgrammeResponse>? Result { get; private set; }

    public IReadOnlyList<FunderResponse> Funders { get; private set; } = [];

    public RegionNames Names { get; private set; } = RegionNames.None;

    public ContributionMonth ThisMonth { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool CanManage => ProgrammePermissions.CanManage(caller.Scope);

    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(Region) || !string.IsNullOrWhiteSpace(FunderId)
        || !string.IsNullOrWhiteSpace(Status) || !string.IsNullOrWhiteSpace(Year);

    public int PageCount => Result is { } r ? Math.Max(1, (r.Total + r.PageSize - 1) / r.PageSize) : 1;

    public RegionPicker RegionPicker => new(
        Name: "region",
        Label: ProgramsText.T["Wilayah"],
        Level: null,
        Chosen: string.IsNullOrWhiteSpace(Region) ? [] : [new PickedRegion(Region.Trim(), Names.WithCode(Region.Trim()))],
        Within: caller.Scope.AllRegions ? null : caller.Scope.ScopeCode,
        Error: ErrorFor("region"),
        Help: ProgramsText.T["Program wilayah itu, di dalamnya, atau yang mencakupnya."]);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ThisMonth = calendar.CurrentMonth();
        Funders = await funders.ExecuteAsync(ct);
        ModelState.Clear();
        int? year = int.TryParse(Year?.Trim(), out var y) ? y : null;
        if (!string.IsNullOrWhiteSpace(Year) && year is null)
        {
            ModelState.AddModelError("year", ProgramsText.T["Tahun anggaran ditulis dengan angka, mis. 2026."]);
        }
        else
        {
            var outcome = await list.ExecuteAsync(new ProgrammeFilter(Q, Region, FunderId, Status, year), Math.Max(1, PageNumber), PageSize, ct);
            if (outcome.Succeeded)
            {
                Result = outcome.Value;
            }
            else
            {
                ProgrammeForm.AddErrors(ModelState, outcome.Refusal);
            }
        }

        Errors = ModelState.Where(e => e.Key != "region").SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).ToList();
        Names = await regions.NamesAsync((Result?.Items.Select(p => p.RegionCode) ?? []).Append(Region?.Trim()), ct);
    }

    public string? ErrorFor(string field) => ProgrammeForm.ErrorFor(ModelState, field);

    /// <summary>This list's address with the same filters on another page.</summary>
    public string PageLink(int page)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
            }
        }

        Add("q", Q);
        Add("region", Region);
        Add("funderId", FunderId);
        Add("status", Status);
        Add("tahun", Year);
        if (page > 1)
        {
            query.Add($"halaman={page}");
        }

        return "/program" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }

    /// <summary>The page numbers to link: the first, the last, and two either side of the current one.</summary>
    public IEnumerable<int> PageNumbers()
    {
        var current = Result?.Page ?? 1;
        return Enumerable.Range(1, PageCount).Where(n => n == 1 || n == PageCount || Math.Abs(n - current) <= 2);
    }
}
