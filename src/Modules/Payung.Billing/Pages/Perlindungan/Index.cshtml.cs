using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Billing.CheckProtection;
using Payung.Billing.ManageBillingSettings;

namespace Payung.Billing.Pages.Perlindungan;

/// <summary>
/// "Was this NIK protected on this day, and why": the same use case as <c>GET /api/v1/workers/{nik}/protection</c>.
/// The NIK is posted, not put in the address, so it stays out of logs and browser history.
/// </summary>
[Authorize(Policy = Permissions.ReadPersonalData)]
public sealed class IndexModel(CheckProtection.CheckProtection check, ManageBillingSettings.ManageBillingSettings settings) : PageModel
{
    [BindProperty(Name = "nik")]
    public string? Nik { get; set; }

    [BindProperty(Name = "date")]
    public string? Date { get; set; }

    internal ProtectionResponse? Result { get; private set; }

    /// <summary>The protection rule version the answer was judged by, to name it by its period.</summary>
    internal ProtectionRuleResponse? Rule { get; private set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var nik = new string((Nik ?? "").Where(char.IsAsciiDigit).ToArray());
        if (nik.Length != 16)
        {
            Error = BillingText.T["NIK harus 16 angka."];
            return Page();
        }

        var outcome = await check.OnDateAsync(nik, Date, ct);
        if (outcome.Succeeded)
        {
            Result = outcome.Value;
            Rule = (await settings.ReadAsync(ct)).Value?.ProtectionRules.FirstOrDefault(r => r.Version == Result.RuleVersion);
        }
        else
        {
            Error = BillingText.T[outcome.Refusal.Messages().Select(m => m.Message).FirstOrDefault() ?? outcome.Refusal.Title];
        }

        return Page();
    }
}
