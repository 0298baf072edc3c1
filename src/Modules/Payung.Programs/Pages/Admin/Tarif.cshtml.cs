using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Infrastructure.Pages;
using Payung.Programs.ManageRates;
using Payung.Programs.Pages.Program;

namespace Payung.Programs.Pages.Admin;

/// <summary>
/// The rate tables for national administrators: every version, a form to add a contribution-rate version and the
/// discount setting per funding source. The same <see cref="ListRates"/>, <see cref="AddContributionRate"/> and
/// <see cref="SetFundingSourceDiscount"/> as <c>/api/v1/rates</c>; the page's policy covers every handler.
/// </summary>
[Authorize(Policy = Permissions.ManageRates)]
public sealed class TarifModel(ListRates list) : PageModel
{
    [BindProperty]
    public string? Component { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    /// <summary>Text, read with a decimal point or comma: the Indonesian culture would take "1.5" for 15.</summary>
    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public string? EffectiveFrom { get; set; }

    [BindProperty]
    public string? Regulation { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public RatesResponse Rates { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Rates = await list.ExecuteAsync(ct);

    public async Task<IActionResult> OnPostRateAsync([FromServices] AddContributionRate add, CancellationToken ct)
    {
        ModelState.Clear();
        decimal? value = decimal.TryParse(Value?.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)
            ? v
            : null;
        var outcome = await add.ExecuteAsync(new AddContributionRateRequest(Component, Kind, value, EffectiveFrom, Regulation, Note), ct);
        if (outcome.Succeeded)
        {
            Notice = ProgramsText.T.Format("Versi tarif {0} ditambahkan, berlaku mulai {1}.", outcome.Value.Version,
                DisplayFormat.Month(outcome.Value.EffectiveFrom));
            return Redirect("/admin/tarif");
        }

        ProgrammeForm.AddErrors(ModelState, outcome.Refusal);
        Rates = await list.ExecuteAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSourceAsync(string code, bool discountApplies, string? assumption,
        [FromServices] SetFundingSourceDiscount set, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await set.ExecuteAsync(code, new SetFundingSourceDiscountRequest(discountApplies, assumption), ct);
        if (outcome.Succeeded)
        {
            Notice = ProgramsText.T.Format("Pengaturan potongan untuk {0} disimpan.", ProgrammeDisplay.FundingSource(outcome.Value.Code));
            return Redirect("/admin/tarif");
        }

        ProgrammeForm.AddErrors(ModelState, outcome.Refusal);
        Rates = await list.ExecuteAsync(ct);
        return Page();
    }

    public string? ErrorFor(string field) => ProgrammeForm.ErrorFor(ModelState, field);

    public string InvalidClass(string field) => ErrorFor(field) is null ? "" : "is-invalid";

    public static string Amount(ContributionRateResponse rate) =>
        rate.Kind == "flat"
            ? DisplayFormat.Rupiah((long)rate.Value)
            : ProgramsText.T.Format("{0}% dasar upah", rate.Value.ToString("0.####", CultureInfo.CurrentCulture));

    /// <summary>A version's months in force: <c>Juli 2015 – sekarang</c>.</summary>
    public static string InForce(string from, string? to) =>
        $"{DisplayFormat.Month(from)} – {(to is null ? ProgramsText.T["sekarang"] : DisplayFormat.Month(to))}";
}
