using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Billing.ManageBillingSettings;

namespace Payung.Billing.Pages.Admin;

/// <summary>
/// Billing's settings and protection-rule versions for national administrators: the same use case as
/// <c>GET/PUT /api/v1/billing/settings</c> and <c>POST /api/v1/billing/protection-rules</c>.
/// </summary>
[Authorize(Policy = Permissions.ManageRates)]
public sealed class IuranModel(ManageBillingSettings.ManageBillingSettings manage) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    internal BillingSettingsResponse Current { get; private set; } = null!;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [BindProperty]
    public RuleForm Rule { get; set; } = new();

    public sealed class RuleForm
    {
        public string? EffectiveFrom { get; set; }
        public int? DueDay { get; set; } = 15;
        public int? LapseMonths { get; set; } = 3;
        public bool ArrearsMonthProtected { get; set; }
        public int? MaxPrepayMonths { get; set; } = 12;
        public string? Regulation { get; set; }
        public string? Note { get; set; }
    }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostSettingAsync(string key, string? value, CancellationToken ct)
    {
        var outcome = await manage.ChangeAsync(key, new ChangeSettingRequest(value), ct);
        if (outcome.Succeeded)
        {
            Notice = $"Pengaturan {key} disimpan.";
            return Redirect("/admin/iuran");
        }

        Errors = [$"{key}: " + (outcome.Refusal.Messages().Select(m => m.Message).FirstOrDefault() ?? outcome.Refusal.Title)];
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRuleAsync(CancellationToken ct)
    {
        var outcome = await manage.AddRuleAsync(new AddProtectionRuleRequest(Rule.EffectiveFrom, Rule.DueDay, Rule.LapseMonths,
            Rule.ArrearsMonthProtected, Rule.MaxPrepayMonths, Rule.Regulation, Rule.Note), ct);
        if (outcome.Succeeded)
        {
            Notice = $"Aturan {outcome.Value.Version} ditambahkan.";
            return Redirect("/admin/iuran");
        }

        Errors = outcome.Refusal.IsValidation
            ? outcome.Refusal.Messages().Select(m => m.Message).ToList()
            : [outcome.Refusal.Detail is { } d ? $"{outcome.Refusal.Title} {d}" : outcome.Refusal.Title];
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Current = (await manage.ReadAsync(ct)).Value!;
        return Page();
    }
}
