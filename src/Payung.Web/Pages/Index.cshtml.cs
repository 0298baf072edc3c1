using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Regions.Contracts;

namespace Payung.Web.Pages;

public sealed class IndexModel(IRegionDirectory regions) : PageModel
{
    public long Provinces { get; private set; }
    public long Regencies { get; private set; }
    public long Districts { get; private set; }
    public long Villages { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var provinces = await regions.ChildrenAsync(null, ct);
        Provinces = provinces.Count;
        Districts = provinces.Sum(p => (long)p.DistrictCount);
        Villages = provinces.Sum(p => (long)p.VillageCount);
        Regencies = await regions.CountAsync("regency", ct);
    }
}
