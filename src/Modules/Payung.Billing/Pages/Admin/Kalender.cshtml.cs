using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Billing.ManageCalendar;
using Payung.Shared;

namespace Payung.Billing.Pages.Admin;

/// <summary>
/// The working-day calendar for national administrators: a year's public holidays and collective leave days, and the
/// form to enter or replace the year from its SKB — one line per day, <c>yyyy-MM-dd; libur|cuti; name</c>. The same
/// use case as <c>GET/PUT /api/v1/calendar/{year}</c>.
/// </summary>
[Authorize(Policy = Permissions.ManageRates)]
public sealed class KalenderModel(ManageCalendar.ManageCalendar manage, BusinessCalendar calendar) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Tahun { get; set; }

    [BindProperty]
    public string? Sumber { get; set; }

    [BindProperty]
    public string? Hari { get; set; }

    public int Year => Tahun ?? calendar.Today().Year + 1;

    internal CalendarYearResponse Current { get; private set; } = null!;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var days = new List<NonWorkingDayItem>();
        foreach (var line in (Hari ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(';', 3, StringSplitOptions.TrimEntries);
            var kind = parts.Length > 1 ? parts[1].ToLowerInvariant() switch
            {
                "libur" or "libur nasional" or "holiday" => NonWorkingDay.Holiday,
                "cuti" or "cuti bersama" or "collective_leave" => NonWorkingDay.CollectiveLeave,
                var other => other,
            } : null;
            days.Add(new NonWorkingDayItem(parts[0], kind, parts.Length > 2 ? parts[2] : null));
        }

        var outcome = await manage.PutAsync(Year, new CalendarYearRequest(Sumber, days), ct);
        if (!outcome.Succeeded)
        {
            Errors = outcome.Refusal.Messages().Select(m => m.Field.StartsWith("days[", StringComparison.Ordinal)
                ? BillingText.T.Format("Baris {0}: {1}", int.Parse(m.Field[5..m.Field.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture) + 1, BillingText.T[m.Message])
                : BillingText.T[m.Message]).ToList();
            return await ShowAsync(ct);
        }

        Notice = BillingText.T.Format("Hari libur dan cuti bersama tahun {0} disimpan: {1} hari.", Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            outcome.Value.Days.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Redirect($"/admin/kalender?tahun={Year}");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var outcome = await manage.ReadAsync(Year, ct);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        Current = outcome.Value;
        return Page();
    }
}
