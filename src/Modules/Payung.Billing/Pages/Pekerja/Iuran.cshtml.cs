using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Billing.CheckProtection;
using Payung.Billing.ManageBillingSettings;

namespace Payung.Billing.Pages.Pekerja;

/// <summary>
/// A worker's contributions month by month — funded, paid, protected, gap, self-paid — with the reasons: the same
/// use case as <c>GET /api/v1/workers/{nik}/contributions</c>. 404 outside the scope. The due day and lapse months it
/// names are those of the protection rule in force for the strip's last month.
/// </summary>
[Authorize(Policy = Permissions.ReadPersonalData)]
public sealed class IuranModel(CheckProtection.CheckProtection check, ManageBillingSettings.ManageBillingSettings settings) : PageModel
{
    internal ContributionStripResponse Strip { get; private set; } = null!;

    internal ProtectionRuleResponse? Rule { get; private set; }

    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true, Name = "dari")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "sampai")]
    public string? To { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await check.StripOfWorkerAsync(id, From, To, ct);
        if (!outcome.Succeeded && outcome.Refusal.IsValidation)
        {
            // A bad range falls back to the default one, with the reason shown.
            Error = outcome.Refusal.Messages().Select(m => BillingText.T[m.Message]).FirstOrDefault();
            outcome = await check.StripOfWorkerAsync(id, null, null, ct);
        }

        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        Strip = outcome.Value;
        var rules = (await settings.ReadAsync(ct)).Value?.ProtectionRules ?? [];
        Rule = rules.LastOrDefault(r => string.CompareOrdinal(r.EffectiveFrom, Strip.To) <= 0) ?? rules.LastOrDefault();
        return Page();
    }
}
