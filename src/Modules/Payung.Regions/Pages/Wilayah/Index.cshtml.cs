using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Regions.Contracts;

namespace Payung.Regions.Pages.Wilayah;

/// <summary>Browse the official regions: province → regency/city → district → village, or search by name.</summary>
public sealed class IndexModel(IRegionDirectory regions) : PageModel
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
                SearchError = "Kata pencarian harus 2 sampai 100 huruf.";
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

    public static string LevelLabel(string level, string code) => level switch
    {
        "province" => "Provinsi",
        "regency" => int.Parse(code.AsSpan(3, 2)) >= 71 ? "Kota" : "Kabupaten",
        "district" => "Kecamatan",
        "village" => code[9] == '1' ? "Kelurahan" : "Desa",
        _ => level,
    };

    public static string ChildLevelLabel(string? level) => level switch
    {
        null => "Provinsi",
        "province" => "Kabupaten/Kota",
        "regency" => "Kecamatan",
        "district" => "Desa/Kelurahan",
        _ => "",
    };
}
