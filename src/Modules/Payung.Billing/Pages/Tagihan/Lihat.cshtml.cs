using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Billing.ReviewBills;

namespace Payung.Billing.Pages.Tagihan;

/// <summary>One bill's lines in the caller's scope: participant, components, rate version, paid — <c>GET /api/v1/bills/{id}/lines</c>.</summary>
[Authorize(Policy = Permissions.ReadPersonalData)]
public sealed class LihatModel(BillLines lines) : PageModel
{
    internal Paged<BillLineResponse> Lines { get; private set; } = null!;

    public Guid BillId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? halaman, CancellationToken ct)
    {
        var outcome = await lines.ExecuteAsync(id, halaman ?? 1, ct);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        BillId = id;
        Lines = outcome.Value;
        return Page();
    }
}
