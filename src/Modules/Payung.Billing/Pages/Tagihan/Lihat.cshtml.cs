using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Billing.ReviewBills;
using Payung.Regions.Contracts;

namespace Payung.Billing.Pages.Tagihan;

/// <summary>One bill's lines in the caller's scope: participant, components, rate version, paid — <c>GET /api/v1/bills/{id}/lines</c>.</summary>
[Authorize(Policy = Permissions.ReadPersonalData)]
public sealed class LihatModel(BillLines lines, IRegionDirectory regions) : PageModel
{
    internal RegionNames Names { get; private set; } = RegionNames.None;

    internal Paged<BillLineResponse> Lines { get; private set; } = null!;

    public Guid BillId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? halaman, CancellationToken ct)
    {
        var outcome = await lines.ExecuteAsync(id, Math.Clamp(halaman ?? 1, 1, 100_000), ct);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        BillId = id;
        Lines = outcome.Value;
        Names = await regions.NamesAsync(Lines.Items.Select(l => l.VillageCode), ct);
        return Page();
    }
}
