using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Regions.Contracts;
using Payung.Shared;

namespace Payung.Regions.Pages.Wilayah;

/// <summary>
/// The results of a region picker (<c>_RegionPicker</c>): an HTML fragment that htmx puts under the search box.
/// Regions are public reference data, so the fragment needs no sign-in; <c>within</c> keeps the choice inside the
/// caller's own area (the use case still checks the scope when the form is saved).
/// </summary>
public sealed class PickRegionModel(IRegionDirectory regions) : PageModel
{
    private const int Limit = 15;

    public IReadOnlyList<RegionInfo> Results { get; private set; } = [];

    public RegionNames Names { get; private set; } = RegionNames.None;

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? q, string? level, string? within, CancellationToken ct)
    {
        var term = q?.Trim() ?? "";
        level = level is "province" or "regency" or "district" or "village" ? level : null;
        RegionCode? scope = RegionCode.TryParse(within, out var w) ? w : null;
        if (term.Length < 2 || term.Length > 100)
        {
            Message = "Pick.TypeMore";
            return Page();
        }

        var direct = RegionCode.TryParse(term, out var typed) ? await regions.FindAsync(typed, ct) : null;
        var found = direct is not null
            ? [direct]
            // Ask for more than shown: names outside the caller's area are dropped below.
            : await regions.SearchAsync(term, level, scope is null ? Limit : Limit * 10, ct);
        Results = found
            .Where(r => level is null || r.Level == level)
            .Where(r => scope is not { } s || (RegionCode.TryParse(r.Code, out var c) && c.IsWithin(s)))
            .Take(Limit)
            .ToList();
        Names = await regions.NamesAsync(Results.Select(r => r.Code), ct);
        if (Results.Count == 0)
        {
            Message = "Pick.NoneFound";
        }

        return Page();
    }
}
