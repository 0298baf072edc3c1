using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Billing.ManageBillingSettings;

namespace Payung.Billing.Pages.Admin;

/// <summary>
/// Billing's settings and protection-rule versions for national administrators: the same use case as
/// <c>GET/PUT /api/v1/billing/settings</c> and <c>POST /api/v1/billing/protection-rules</c>. The form for a new rule
/// version starts from the numbers of the latest version, not from numbers written here.
/// </summary>
[Authorize(Policy = Permissions.ManageRates)]
public sealed class IuranModel(ManageBillingSettings.ManageBillingSettings manage) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    internal BillingSettingsResponse Current { get; private set; } = null!;

    internal ProtectionRuleResponse? Latest => Current.ProtectionRules.Count > 0 ? Current.ProtectionRules[^1] : null;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The setting whose value was refused, shown again with what was typed.</summary>
    public string? ErrorKey { get; private set; }

    public string? PostedValue { get; private set; }

    [BindProperty]
    public RuleForm Rule { get; set; } = new();

    public sealed class RuleForm
    {
        public string? EffectiveFrom { get; set; }
        public int? DueDay { get; set; }
        public int? LapseMonths { get; set; }
        public bool ArrearsMonthProtected { get; set; }
        public int? MaxPrepayMonths { get; set; }
        public string? Regulation { get; set; }
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ReadAsync(ct);
        if (Latest is { } latest)
        {
            Rule = new RuleForm
            {
                DueDay = latest.DueDay,
                LapseMonths = latest.LapseMonths,
                ArrearsMonthProtected = latest.ArrearsMonthProtected,
                MaxPrepayMonths = latest.MaxPrepayMonths,
                Regulation = latest.Regulation,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSettingAsync(string key, string? value, CancellationToken ct)
    {
        var outcome = await manage.ChangeAsync(key, new ChangeSettingRequest(value), ct);
        if (outcome.Succeeded)
        {
            Notice = BillingText.T.Format("Pengaturan {0} disimpan.", BillingDisplay.SettingLabel(key));
            return Redirect("/admin/iuran");
        }

        if (outcome.Refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        (ErrorKey, PostedValue) = (key, value);
        Errors = [$"{BillingDisplay.SettingLabel(key)}: " + BillingText.T[outcome.Refusal.Messages().Select(m => m.Message).FirstOrDefault() ?? outcome.Refusal.Title]];
        await ReadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRuleAsync(CancellationToken ct)
    {
        var outcome = await manage.AddRuleAsync(new AddProtectionRuleRequest(Rule.EffectiveFrom, Rule.DueDay, Rule.LapseMonths,
            Rule.ArrearsMonthProtected, Rule.MaxPrepayMonths, Rule.Regulation, Rule.Note), ct);
        if (outcome.Succeeded)
        {
            Notice = BillingText.T.Format("Aturan {0} ditambahkan.", BillingDisplay.RuleName(outcome.Value));
            return Redirect("/admin/iuran");
        }

        Errors = outcome.Refusal.IsValidation
            ? outcome.Refusal.Messages().Select(m => BillingText.T[m.Message]).ToList()
            : [outcome.Refusal.Detail is { } d ? $"{BillingText.T[outcome.Refusal.Title]} {d}" : BillingText.T[outcome.Refusal.Title]];
        await ReadAsync(ct);
        return Page();
    }

    private async Task ReadAsync(CancellationToken ct) => Current = (await manage.ReadAsync(ct)).Value!;
}
