using Payung.Billing.CheckProtection;
using Payung.Shared;

namespace Payung.Billing.HandOverToSelfPaid;

/// <summary>One month of what a participant will pay themselves, from the rate tables.</summary>
internal sealed record SelfPaidMonth(ContributionMonth Month, long Amount);

/// <summary>Months in a row with one self-paid amount; <see cref="To"/> null when it runs on past the horizon stated.</summary>
internal sealed record SelfPaidPeriod(ContributionMonth From, ContributionMonth? To, long Amount);

/// <summary>
/// The SMS/WhatsApp texts to participants, in Indonesian: short enough for a few SMS parts, with what the participant
/// needs to keep paying — the KPJ number, the amounts month by month, the due day and the lapse from the protection rule
/// in force, and how to pay. Nothing regulated is written here: amounts come from the rate tables, the due day and the
/// lapse months from <see cref="ProtectionRule"/>; the payment instructions are the administrator's text.
/// Month names are written by hand, not by the id-ID culture, which is missing without ICU data.
/// </summary>
internal static class SelfPaidMessage
{
    /// <summary>
    /// The hand-over states every amount that starts within a year from the first self-paid month (this many months after
    /// it), and the next change after that if there is one within <see cref="LookaheadMonths"/>: a half-price period that
    /// runs past the year (transport workers to March 2027) is shown with its end, not as if it held for ever.
    /// </summary>
    public const int HorizonMonths = 12;

    public const int LookaheadMonths = 24;

    public const string UnknownKpj =
        "Nomor KPJ Anda belum tercatat pada kami; tanyakan ke kantor BPJS Ketenagakerjaan terdekat dengan membawa KTP.";

    private static readonly string[] MonthNames =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    /// <param name="schedule">The self-paid months from the first one on, in order, through <see cref="LookaheadEnd"/> (fewer
    /// when the rate tables end sooner).</param>
    /// <param name="rule">The protection rule in force for the first self-paid month.</param>
    public static string Handover(string fullName, string funderName, ContributionMonth lastFunded, string? kpj,
        IReadOnlyList<SelfPaidMonth> schedule, ProtectionRule rule, string instructions) =>
        $"Yth. {fullName}, iuran BPJS Ketenagakerjaan Anda dibayar {funderName} sampai bulan {MonthName(lastFunded)}. "
        + $"Agar tetap terlindungi, mulai {MonthName(lastFunded.PlusMonths(1))} lanjutkan iuran secara mandiri (JKK dan JKM): "
        + $"{Schedule(schedule)}, {DueSentence(rule)} "
        + $"{LapseSentence(rule)} {KpjSentence(kpj)} {instructions}";

    public static ContributionMonth LookaheadEnd(ContributionMonth firstSelfPaid) => firstSelfPaid.PlusMonths(LookaheadMonths);

    /// <param name="rule">The protection rule in force for the unpaid month: its due date and lapse months.</param>
    /// <param name="calendar">The working days its due date moves on.</param>
    public static string Reminder(string fullName, ContributionMonth unpaid, string? kpj, long monthlyAmount, ProtectionRule rule,
        WorkingCalendar calendar, string instructions) =>
        $"Yth. {fullName}, iuran BPJS Ketenagakerjaan mandiri Anda bulan {MonthName(unpaid)} sebesar {Rupiah(monthlyAmount)} "
        + $"(jatuh tempo {Day(rule.DueDate(unpaid, calendar))}) belum tercatat dibayar. "
        + $"Bayar paling lambat {Day(ProtectionEvaluator.WindowEnd(unpaid.PlusMonths(-1), rule))} agar kepesertaan tidak terputus. "
        + $"{LapseSentence(rule)} {KpjSentence(kpj)} {instructions}";

    /// <summary>
    /// Consecutive months with the same amount grouped, those starting within <see cref="HorizonMonths"/> of the first month
    /// and the first change after them; the last period is open (<see cref="SelfPaidPeriod.To"/> null) when nothing is
    /// known to change after it, closed when the rate tables end there.
    /// </summary>
    public static IReadOnlyList<SelfPaidPeriod> Periods(IReadOnlyList<SelfPaidMonth> schedule)
    {
        ArgumentOutOfRangeException.ThrowIfZero(schedule.Count);
        var groups = new List<SelfPaidPeriod>();
        var start = 0;
        for (var i = 1; i <= schedule.Count; i++)
        {
            if (i < schedule.Count && schedule[i].Amount == schedule[start].Amount && schedule[i].Month == schedule[i - 1].Month.PlusMonths(1))
            {
                continue;
            }

            groups.Add(new SelfPaidPeriod(schedule[start].Month, schedule[i - 1].Month, schedule[start].Amount));
            start = i;
        }

        var horizonEnd = schedule[0].Month.PlusMonths(HorizonMonths);
        var shown = groups.TakeWhile(g => g.From <= horizonEnd).ToList();
        if (shown.Count < groups.Count)
        {
            shown.Add(groups[shown.Count]);
        }

        var last = shown[^1];
        var runsOn = shown.Count < groups.Count || last.To >= LookaheadEnd(schedule[0].Month);
        if (runsOn)
        {
            shown[^1] = last with { To = null };
        }

        return shown;
    }

    /// <summary>"Rp8.400/bulan April–Desember 2026, Rp16.800/bulan mulai Januari 2027".</summary>
    public static string Schedule(IReadOnlyList<SelfPaidMonth> schedule) =>
        string.Join(", ", Periods(schedule).Select(p =>
            $"{Rupiah(p.Amount)}/bulan {(p.To is { } to ? Range(p.From, to) : $"mulai {MonthName(p.From)}")}"));

    /// <summary>The rule named generically: the day of the month, moved to the next working day (DOMAIN).</summary>
    public static string DueSentence(ProtectionRule rule) =>
        $"dibayar paling lambat tanggal {rule.DueDay} (atau hari kerja berikutnya) setiap bulan.";

    public static string LapseSentence(ProtectionRule rule) =>
        $"Tunggakan dapat dibayar paling lama {rule.LapseMonths} bulan; lebih dari {rule.LapseMonths} bulan berturut-turut tidak membayar membuat kepesertaan nonaktif dan perlindungan berhenti.";

    public static string MonthName(ContributionMonth month) => $"{MonthNames[month.Month - 1]} {month.Year}";

    public static string Day(DateOnly day) => $"{day.Day} {MonthNames[day.Month - 1]} {day.Year}";

    public static string Rupiah(long amount) => new Shared.Rupiah(amount).ToString();

    private static string Range(ContributionMonth first, ContributionMonth last) =>
        first == last ? MonthName(first)
        : first.Year == last.Year ? $"{MonthNames[first.Month - 1]}–{MonthName(last)}"
        : $"{MonthName(first)}–{MonthName(last)}";

    private static string KpjSentence(string? kpj) => kpj is null ? UnknownKpj : $"Nomor KPJ Anda: {kpj}.";
}
