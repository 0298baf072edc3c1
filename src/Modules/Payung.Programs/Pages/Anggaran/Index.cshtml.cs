using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Infrastructure.Pages;
using Payung.Programs.EstimateBudget;
using Payung.Programs.Rates;

namespace Payung.Programs.Pages.Anggaran;

/// <summary>
/// The public budget calculator: the same <see cref="EstimateBudget.EstimateBudget"/> as <c>POST /api/v1/budget/estimate</c>,
/// as a GET form so a result can be bookmarked and shared. It shows which income basis priced the estimate and the
/// funding source's discount assumption, because both change the figures a funder plans with.
/// </summary>
[AllowAnonymous]
internal sealed class BudgetEstimateModel(EstimateBudget.EstimateBudget estimate, RateTableCache rates) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "peserta")]
    public string? Participants { get; set; }

    [BindProperty(SupportsGet = true, Name = "mulai")]
    public string? StartMonth { get; set; }

    [BindProperty(SupportsGet = true, Name = "bulan")]
    public string? Months { get; set; }

    [BindProperty(SupportsGet = true, Name = "sumber")]
    public string? FundingSource { get; set; }

    [BindProperty(SupportsGet = true, Name = "jht")]
    public bool IncludeJht { get; set; }

    /// <summary>Text, so "1.500.000" or "Rp 1.500.000" as people write it is read, and a typo is answered by name.</summary>
    [BindProperty(SupportsGet = true, Name = "penghasilan")]
    public string? MonthlyIncome { get; set; }

    [BindProperty(SupportsGet = true, Name = "anggaran")]
    public string? Budget { get; set; }

    public IReadOnlyList<string> FundingSources { get; private set; } = [];

    public EstimateBudgetResponse? Result { get; private set; }

    public long? ReadIncome { get; private set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        FundingSources = (await rates.GetAsync(ct)).FundingSources.Select(s => s.Code).ToList();
        if (Participants is null && StartMonth is null && Months is null)
        {
            return; // the empty form
        }

        var participants = Whole(Participants, "participants", "Jumlah peserta harus berupa angka bulat.");
        var months = Whole(Months, "months", "Jumlah bulan harus berupa angka bulat.");
        ReadIncome = Whole(MonthlyIncome, "monthlyIncome", "Penghasilan bulanan harus berupa angka rupiah bulat, mis. 1500000.");
        var budget = Whole(Budget, "budget", "Anggaran harus berupa angka rupiah bulat.");
        if (Errors.Count > 0)
        {
            return;
        }

        var outcome = await estimate.ExecuteAsync(new EstimateBudgetRequest(
            participants is { } p ? (int)Math.Clamp(p, int.MinValue, int.MaxValue) : null, StartMonth?.Trim(),
            months is { } m ? (int)Math.Clamp(m, int.MinValue, int.MaxValue) : null, FundingSource,
            IncludeJht ? ["JKK", "JKM", "JHT"] : ["JKK", "JKM"], null, null, budget, ReadIncome), ct);
        Result = outcome.Estimate;
        Errors = outcome.Errors.ToDictionary();
    }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public string InvalidClass(string field) => ErrorFor(field) is null ? "" : "is-invalid";

    /// <summary>The basis sentence in the page's language, from the rule code the estimate answers.</summary>
    public string BasisSentence(EstimateBudgetResponse result)
    {
        var basis = DisplayFormat.Rupiah(result.IncomeBasis);
        var income = DisplayFormat.Rupiah(ReadIncome);
        return result.IncomeBasisRule switch
        {
            "income.below_minimum" => ProgramsText.T.Format("Penghasilan {0} di bawah dasar upah terendah: iuran dihitung dari dasar upah terendah {1}.", income, basis),
            "income.above_maximum" => ProgramsText.T.Format("Penghasilan {0} di atas dasar upah tertinggi: iuran dihitung dari dasar upah tertinggi {1}.", income, basis),
            "income.reported" => ProgramsText.T.Format("Iuran dihitung dari penghasilan yang dilaporkan, {0}.", basis),
            _ => ProgramsText.T.Format("Penghasilan tidak diisi: iuran dihitung dari dasar upah terendah {0}.", basis),
        };
    }

    private long? Whole(string? text, string field, string message)
    {
        var typed = text?.Replace("Rp", "", StringComparison.OrdinalIgnoreCase).Replace(".", "").Replace(" ", "").Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return null;
        }

        if (long.TryParse(typed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Errors[field] = [ProgramsText.T[message]];
        return null;
    }
}
