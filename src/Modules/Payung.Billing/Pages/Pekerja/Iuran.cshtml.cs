using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Billing.CheckProtection;

namespace Payung.Billing.Pages.Pekerja;

/// <summary>
/// A worker's contributions month by month — funded, paid, protected, gap, self-paid — with the reasons: the same
/// use case as <c>GET /api/v1/workers/{nik}/contributions</c>. 404 outside the scope.
/// </summary>
[Authorize(Policy = Permissions.ReadPersonalData)]
public sealed class IuranModel(CheckProtection.CheckProtection check) : PageModel
{
    internal ContributionStripResponse Strip { get; private set; } = null!;

    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true, Name = "dari")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "sampai")]
    public string? To { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await check.StripOfWorkerAsync(id, From, To, ct);
        if (outcome.Succeeded)
        {
            Strip = outcome.Value;
            return Page();
        }

        if (outcome.Refusal.IsValidation)
        {
            // A bad range falls back to the default one, with the reason shown.
            Error = outcome.Refusal.Messages().Select(m => m.Message).FirstOrDefault();
            var fallback = await check.StripOfWorkerAsync(id, null, null, ct);
            if (fallback.Succeeded)
            {
                Strip = fallback.Value;
                return Page();
            }
        }

        return NotFound();
    }
}
