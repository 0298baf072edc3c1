using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Infrastructure;
using Payung.Infrastructure.Pages;
using Payung.Regions.Contracts;
using Payung.Registry.RegisterWorker;
using Payung.Registry.SearchWorkers;

namespace Payung.Registry.Pages.Pekerja;

/// <summary>
/// Workers in the caller's scope with search: the same <see cref="SearchWorkers.SearchWorkers"/> as
/// <c>GET /api/v1/workers</c>.
/// </summary>
[Authorize(Policy = Permissions.ReadPersonalData)]
public sealed class IndexModel(
    SearchWorkers.SearchWorkers searchWorkers,
    ListOccupations listOccupations,
    IRegionDirectory regions,
    CallerContext caller) : PageModel
{
    public string? Nik { get; private set; }
    public string? Q { get; private set; }
    public string? Village { get; private set; }
    public string? Occupation { get; private set; }

    public Paged<WorkerSummary>? Result { get; private set; }

    public IReadOnlyList<OccupationResponse> Occupations { get; private set; } = [];

    /// <summary>The names of the listed workers' villages and of the region searched in.</summary>
    public RegionNames Regions { get; private set; } = RegionNames.None;

    /// <summary>The region filter: any level (a village, a kecamatan, a regency) inside the caller's area.</summary>
    public RegionPicker RegionPicker { get; private set; } = null!;

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public bool CanWrite => WorkerDisplay.CanWrite(caller.Scope);

    public int PageCount => Result is { } r ? Math.Max(1, (int)Math.Ceiling(r.Total / (double)r.PageSize)) : 0;

    // Read from the query string by hand: Razor Pages keep a route value called "page" (the page's own
    // path), which model binding would offer before the query's page number.
    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = Request.Query;
        (Nik, Q, Village, Occupation) = (query["nik"], query["q"], query["village"], query["occupation"]);
        int? page = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
        Occupations = await listOccupations.ExecuteAsync(ct);
        var outcome = await searchWorkers.ExecuteAsync(
            new SearchWorkersRequest(Nik, Q, Village, Occupation, page, SearchWorkers.SearchWorkers.DefaultPageSize), ct);
        if (outcome.Succeeded)
        {
            Result = outcome.Value;
        }
        else
        {
            Errors = outcome.Refusal.Messages().GroupBy(m => m.Field).ToDictionary(g => g.Key, g => g.Select(m => m.Message).ToArray());
        }

        var village = Village?.Trim();
        Regions = await regions.NamesAsync((Result?.Items.Select(w => w.VillageCode) ?? []).Append(village), ct);
        RegionPicker = new RegionPicker("village", RegistryText.T["Wilayah"], null,
            string.IsNullOrEmpty(village) ? [] : [new PickedRegion(village, Regions.WithCode(village))],
            Within: WorkerDisplay.PickerWithin(caller.Scope),
            Error: Errors.TryGetValue("village", out var villageErrors) ? string.Join(" ", villageErrors) : null,
            Help: RegistryText.T["Desa, kecamatan atau kabupaten; ketik namanya lalu pilih."]);
    }

    public string PageLink(int page)
    {
        var query = new QueryBuilder();
        foreach (var (key, value) in new[] { ("nik", Nik), ("q", Q), ("village", Village), ("occupation", Occupation) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(key, value);
            }
        }

        query.Add("page", page.ToString(CultureInfo.InvariantCulture));
        return "/pekerja" + query.ToQueryString();
    }

    public string InvalidClass(string field) => Errors.ContainsKey(field) ? "is-invalid" : "";

    public string OccupationName(string code) =>
        Occupations.FirstOrDefault(o => o.Code == code) is { } occupation ? WorkerDisplay.Occupation(occupation.Name) : code;
}
