using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Payung.Regions.Contracts;
using Payung.Shared;

namespace Payung.Regions.Pages.Wilayah;

/// <summary>Browse the official regions: province → regency/city → district → village, or search by name.</summary>
public sealed class IndexModel(IRegionDirectory regions, IStringLocalizer<RegionsText> text) : PageModel
{
    public RegionInfo? Current { get; private set; }
    public IReadOnlyList<RegionInfo> Lineage { get; private set; } = [];
    public IReadOnlyList<RegionInfo> Children { get; private set; } = [];
    public IReadOnlyList<RegionInfo>? SearchResults { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public string? SearchError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim();
            if (term.Length is < 2 or > 100)
            {
                SearchError = text["Search.TermLength"];
            }
            else
            {
                SearchResults = await regions.SearchAsync(term, null, 50, ct);
            }
        }

        if (code is null)
        {
            Children = await regions.ChildrenAsync(null, ct);
            return Page();
        }

        if (RegionRequest.ParseCode(code) is not { } regionCode)
        {
            return NotFound();
        }

        Current = await regions.FindAsync(regionCode, ct);
        if (Current is null)
        {
            return NotFound();
        }

        Lineage = await regions.LineageAsync(regionCode, ct);
        Children = await regions.ChildrenAsync(regionCode, ct);
        return Page();
    }

    /// <summary>What the region is called in Kemendagri terms: a regency is a kabupaten or a kota, a village a desa or a kelurahan.</summary>
    public string LevelLabel(RegionInfo region)
    {
        var code = RegionRequest.ParseCode(region.Code);
        return region.Level switch
        {
            "province" => text["Level.Province"],
            "regency" => code is { IsKota: true } ? text["Level.Kota"] : text["Level.Kabupaten"],
            "district" => text["Level.District"],
            "village" => code is { IsKelurahan: true } ? text["Level.Kelurahan"] : text["Level.Desa"],
            _ => region.Level,
        };
    }

    /// <summary>The heading over the list of children: what lies one level below the current region.</summary>
    public string ChildLevelLabel() => Current?.Level switch
    {
        null => text["Children.Provinces"],
        "province" => text["Children.Regencies"],
        "regency" => text["Children.Districts"],
        "district" => text["Children.Villages"],
        _ => "",
    };
}
