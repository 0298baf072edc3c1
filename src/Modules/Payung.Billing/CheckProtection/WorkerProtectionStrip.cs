using Payung.Billing.Pages;
using Payung.Registry.Contracts;
using Payung.Shared;

namespace Payung.Billing.CheckProtection;

/// <summary>Billing's side of <see cref="IWorkerProtectionStrip"/>: the last months of the strip, through <see cref="CheckProtection"/>.</summary>
internal sealed class WorkerProtectionStrip(CheckProtection check, BusinessCalendar calendar) : IWorkerProtectionStrip
{
    public async Task<IReadOnlyList<WorkerMonthProtection>> RecentMonthsAsync(Guid workerId, int months, CancellationToken ct)
    {
        var to = calendar.CurrentMonth();
        var outcome = await check.StripOfWorkerAsync(workerId, to.PlusMonths(1 - Math.Clamp(months, 1, CheckProtection.MaxStripMonths)).ToString(),
            to.ToString(), ct);
        if (!outcome.Succeeded)
        {
            return [];
        }

        return outcome.Value.Months.Select(m =>
        {
            var (label, css) = BillingDisplay.State(m.State);
            return new WorkerMonthProtection(m.Month, m.State, m.Protected, label, css);
        }).ToList();
    }
}
