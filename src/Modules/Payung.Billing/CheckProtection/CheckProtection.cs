using System.Globalization;
using Npgsql;
using Payung.Infrastructure.Rules;
using Payung.Shared;

namespace Payung.Billing.CheckProtection;

internal sealed record ProtectionResponse(
    bool Protected,
    string Month,
    string Date,
    string State,
    FundedBy? FundedBy,
    long? AmountDue,
    long? AmountPaid,
    string? PaidOn,
    string? BackdateStatus,
    string? RuleVersion,
    IReadOnlyList<ProtectionReason> Reasons);

internal sealed record StripMonth(
    string Month,
    string State,
    bool Protected,
    FundedBy? FundedBy,
    long AmountDue,
    long AmountPaid,
    string? PaidOn,
    string? BackdateStatus,
    IReadOnlyList<ProtectionReason> Reasons);

internal sealed record ContributionStripResponse(Guid WorkerId, string FullName, string From, string To, IReadOnlyList<StripMonth> Months);

/// <summary>
/// "Was NIK X protected on date D, and why" in one call, and the month-by-month strip the worker page shows: the
/// worker's ledger and the rules in force, through <see cref="ProtectionEvaluator"/>. 404 outside the caller's scope.
/// </summary>
public sealed class CheckProtection(NpgsqlDataSource dataSource, CallerContext caller, BusinessCalendar calendar, WorkingCalendarCache workingDays)
{
    public const int MaxStripMonths = 120;

    internal async Task<Outcome<ProtectionResponse>> OnDateAsync(string nik, string? dateText, CancellationToken ct)
    {
        var date = calendar.Today();
        if (dateText is { Length: > 0 } && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return Refusal.Invalid("date", "Tanggal harus berformat yyyy-MM-dd.");
        }

        if (date.Year < 2000 || date.Year > 2100)
        {
            return Refusal.Invalid("date", "Tanggal harus antara tahun 2000 dan 2100.");
        }

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var worker = await BillingWorker.FindByNikAsync(conn, null, nik, caller.Scope, ct);
        if (worker is null)
        {
            return Refusal.NotFound("worker.not_found", "Pekerja tidak ditemukan.");
        }

        var month = ContributionMonth.FromDate(date);
        var (ledger, programmes, rules, start) = await WorkerLedger.ReadWithRulesAsync(conn, worker.Id, month, ct);
        var facts = new ProtectionFacts(ledger, rules, await workingDays.GetAsync(ct), start, worker.DeathDate);
        var verdict = ProtectionEvaluator.Evaluate(date, facts, calendar.Today());
        var e = verdict.Entry;
        return new ProtectionResponse(verdict.Protected, month.ToString(), date.ToString("yyyy-MM-dd"), verdict.State,
            WorkerLedger.Of(e, programmes), e?.AmountDue, e?.AmountPaid, e?.PaidOn?.ToString("yyyy-MM-dd"), e?.BackdateStatus,
            verdict.RuleVersion, verdict.Reasons);
    }

    internal async Task<Outcome<ContributionStripResponse>> StripAsync(string nik, string? fromText, string? toText, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await StripAsync(conn, await BillingWorker.FindByNikAsync(conn, null, nik, caller.Scope, ct), fromText, toText, ct);
    }

    /// <summary>The strip of the worker page, which knows the worker by id.</summary>
    internal async Task<Outcome<ContributionStripResponse>> StripOfWorkerAsync(Guid workerId, string? fromText, string? toText, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await StripAsync(conn, await BillingWorker.FindByIdAsync(conn, null, workerId, caller.Scope, ct), fromText, toText, ct);
    }

    private async Task<Outcome<ContributionStripResponse>> StripAsync(NpgsqlConnection conn, BillingWorker? worker, string? fromText,
        string? toText, CancellationToken ct)
    {
        ContributionMonth? from = null, to = null;
        if (fromText is { Length: > 0 })
        {
            if (!ContributionMonth.TryParse(fromText, out var f))
            {
                return Refusal.Invalid("from", "Bulan awal harus berformat yyyy-MM.");
            }

            from = f;
        }

        if (toText is { Length: > 0 })
        {
            if (!ContributionMonth.TryParse(toText, out var t))
            {
                return Refusal.Invalid("to", "Bulan akhir harus berformat yyyy-MM.");
            }

            to = t;
        }

        if (worker is null)
        {
            return Refusal.NotFound("worker.not_found", "Pekerja tidak ditemukan.");
        }

        var (ledger, programmes, rules, start) = await WorkerLedger.ReadWithRulesAsync(conn, worker.Id, null, ct);
        var facts = new ProtectionFacts(ledger, rules, await workingDays.GetAsync(ct), start, worker.DeathDate);
        var current = calendar.CurrentMonth();
        var last = to ?? (ledger.Count > 0 && ledger[^1].Month > current ? ledger[^1].Month : current);
        // By default from the first ledger month, at most two years back, or the last year when there is none.
        var first = from ?? (ledger.Count > 0 && ledger[0].Month > last.PlusMonths(-24) ? ledger[0].Month : last.PlusMonths(ledger.Count > 0 ? -23 : -11));
        if (first > last)
        {
            return Refusal.Invalid("from", "Bulan awal harus sebelum bulan akhir.");
        }

        if (first.MonthsUntil(last) >= MaxStripMonths)
        {
            return Refusal.Invalid("from", $"Paling banyak {MaxStripMonths} bulan sekaligus.");
        }

        var today = calendar.Today();
        var months = new List<StripMonth>();
        for (var m = first; m <= last; m = m.PlusMonths(1))
        {
            // A past month is judged at its last day, this month today, a future month at its first day.
            var day = m < current ? m.LastDay : m == current ? today : m.FirstDay;
            var v = ProtectionEvaluator.Evaluate(day, facts, today);
            months.Add(new StripMonth(m.ToString(), v.State, v.Protected, WorkerLedger.Of(v.Entry, programmes),
                v.Entry?.AmountDue ?? 0, v.Entry?.AmountPaid ?? 0, v.Entry?.PaidOn?.ToString("yyyy-MM-dd"), v.Entry?.BackdateStatus, v.Reasons));
        }

        return new ContributionStripResponse(worker.Id, worker.FullName, first.ToString(), last.ToString(), months);
    }
}
