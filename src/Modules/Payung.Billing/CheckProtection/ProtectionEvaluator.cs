using System.Globalization;
using System.Text.Json.Serialization;
using Payung.Shared;

namespace Payung.Billing.CheckProtection;

/// <summary>One month of a worker's protection ledger.</summary>
internal sealed record LedgerMonth(
    ContributionMonth Month,
    string Source,
    Guid? ProgrammeId,
    long AmountDue,
    long AmountPaid,
    DateOnly? PaidOn,
    string? BackdateStatus)
{
    public bool FullyPaid => AmountDue > 0 && AmountPaid >= AmountDue && PaidOn is not null;
}

/// <summary>
/// One reason of a protection verdict: a stable code and its Indonesian message (as the API gives it). The message's
/// template and values stay beside it, out of the JSON, so a page writes the reason in its own language and formats.
/// </summary>
internal sealed record ProtectionReason(string Code, string Message)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>The Indonesian message with <c>{0}</c> placeholders for <see cref="Values"/>.</summary>
    [JsonIgnore]
    public string Text { get; private init; } = Message;

    /// <summary>The message's values: <see cref="DateOnly"/> days, <see cref="Shared.Rupiah"/> amounts, whole-number counts.</summary>
    [JsonIgnore]
    public IReadOnlyList<object> Values { get; private init; } = [];

    public static ProtectionReason Of(string code, string text, params object[] values) =>
        new(code, string.Format(Indonesian, text, values.Select(ApiValue).ToArray())) { Text = text, Values = values };

    // The API's messages keep the forms they always had: ISO days and Indonesian rupiah.
    private static object ApiValue(object value) => value switch
    {
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Rupiah amount => "Rp" + amount.Value.ToString("N0", Indonesian),
        _ => value,
    };
}

/// <summary>Whether a worker was protected on a day, and why: the month's ledger entry and the rules in force.</summary>
internal sealed record ProtectionVerdict(
    bool Protected,
    ContributionMonth Month,
    string State,
    LedgerMonth? Entry,
    string? RuleVersion,
    IReadOnlyList<ProtectionReason> Reasons);

/// <summary>
/// What a verdict stands on, beside the day asked: the worker's ledger (months in order), the protection-rule versions,
/// the working-day calendar the due days move on, the day the membership started (the earliest enrolment's
/// registration day; null for a ledger from before it was recorded: then the first ledger month's first day) and the
/// day of death.
/// </summary>
internal sealed record ProtectionFacts(
    IReadOnlyList<LedgerMonth> Ledger,
    IReadOnlyList<ProtectionRule> Rules,
    WorkingCalendar Calendar,
    DateOnly? MembershipStart = null,
    DateOnly? DeathDate = null);

/// <summary>
/// The protection rules of DOMAIN.md in one pure function, so the API, the worker page's month strip, the reminders and
/// the tests all use the same reasoning. A month is <em>kept</em> when it keeps the membership going:
/// <list type="bullet">
/// <item>Paid in full by its due date (the rule's due day, moved to the next working day over weekends, holidays and
/// collective leave) inside the arrears window: the whole month is protected, from the membership's first day.</item>
/// <item>Paid after the due date but inside the <b>arrears window</b> — by the last day of the rule's lapse months (3)
/// after the last kept month — the membership stays continuous: no gap, no backdate. The month protects from the payment
/// day; a day before it was a day of a still-unpaid month of the window, which the rule version's setting decides.</item>
/// <item>Paid after the window, when the membership had already ended: a payment in (or before) its own month starts a
/// <b>new membership</b>, protected from the payment day; a payment for an earlier month is a gap (continuity break)
/// protecting nothing unless BPJS approved a backdate request.</item>
/// </list>
/// An unpaid (or partly paid) month protects nothing by default; inside the window the setting may protect it. Past the
/// window the membership is inactive. Nothing protects before the membership starts or after the worker's death.
/// States for the strip: <c>protected</c>, <c>protected_from_payment</c>, <c>gap</c>, <c>unpaid</c>,
/// <c>arrears_protected</c>, <c>inactive</c>, <c>none</c>, <c>not_started</c>, <c>deceased</c>.
/// </summary>
internal static class ProtectionEvaluator
{
    public static ProtectionVerdict Evaluate(DateOnly date, ProtectionFacts facts, DateOnly today)
    {
        var ledger = facts.Ledger;
        var month = ContributionMonth.FromDate(date);
        var rule = ProtectionRule.For(facts.Rules, month);
        var entry = ledger.FirstOrDefault(l => l.Month == month);
        if (facts.DeathDate is { } died && died < date)
        {
            return new(false, month, "deceased", entry, rule?.Version,
                [ProtectionReason.Of("worker.deceased", "Peserta meninggal pada {0}; tidak ada perlindungan setelahnya.", died)]);
        }

        if (rule is null)
        {
            return new(false, month, "none", entry, null,
                [ProtectionReason.Of("protection.rule_missing", "Tidak ada aturan perlindungan yang berlaku untuk bulan ini.")]);
        }

        var start = MembershipStart(facts);
        if (start is { } s && date < s)
        {
            return new(false, month, "not_started", entry, rule.Version,
                [ProtectionReason.Of("membership.not_started", "Kepesertaan baru dimulai {0} (tanggal terdaftar di BPJS); tidak ada perlindungan sebelumnya.", s)]);
        }

        var kept = KeptMonths(facts, start, month);
        var anchor = kept.Count > 0 ? kept[^1] : null;
        if (entry is null || entry.AmountDue == 0)
        {
            var reasons = new List<ProtectionReason>
            {
                entry is { AmountPaid: > 0 }
                    ? ProtectionReason.Of("contribution.refunded", "Iuran bulan ini dibatalkan (kepesertaan program berakhir) dan dikembalikan ke pembayar.")
                    : ProtectionReason.Of("contribution.none", "Tidak ada iuran tercatat untuk bulan ini."),
            };
            if (anchor is not null && date > WindowEnd(anchor.Month, rule))
            {
                reasons.Add(Inactive(anchor.Month, rule));
                return new(false, month, "inactive", entry, rule.Version, reasons);
            }

            return new(false, month, "none", entry, rule.Version, reasons);
        }

        var funded = Funded(entry);
        var dueDate = rule.DueDate(month, facts.Calendar);
        var calendarNote = facts.Calendar.HasYear(dueDate.Year)
            ? null
            : ProtectionReason.Of("calendar.year_missing", "Hari libur tahun {0} belum dimasukkan; jatuh tempo hanya digeser melewati akhir pekan.", dueDate.Year.ToString(CultureInfo.InvariantCulture));
        if (entry.FullyPaid)
        {
            var standing = Judge(entry, kept, start, rule, facts);
            var paidOn = entry.PaidOn!.Value;
            var verdict = standing.Kind switch
            {
                Kind.OnTime => new ProtectionVerdict(true, month, "protected", entry, rule.Version,
                    [funded, ProtectionReason.Of("contribution.paid_on_time", "Iuran lunas {0}, sebelum jatuh tempo {1}.", paidOn, dueDate)]),
                Kind.InWindow when date >= paidOn => new ProtectionVerdict(true, month, rule.ArrearsMonthProtected ? "protected" : "protected_from_payment",
                    entry, rule.Version, [funded, InWindow(paidOn, dueDate, standing.WindowEnd, rule)]),
                Kind.InWindow when rule.ArrearsMonthProtected => new ProtectionVerdict(true, month, "arrears_protected", entry, rule.Version,
                [
                    funded, InWindow(paidOn, dueDate, standing.WindowEnd, rule),
                    ProtectionReason.Of("protection.arrears_window", "Pada tanggal itu bulan ini belum dibayar tetapi masih dalam {0} bulan tunggakan; pengaturan menganggapnya terlindungi.", rule.LapseMonths),
                ]),
                Kind.InWindow => new ProtectionVerdict(false, month, "protected_from_payment", entry, rule.Version,
                [
                    funded,
                    ProtectionReason.Of("contribution.paid_after_date", "Iuran baru dibayar {0}, setelah tanggal yang ditanyakan; perlindungan berlaku sejak tanggal bayar.", paidOn),
                    InWindow(paidOn, dueDate, standing.WindowEnd, rule),
                ]),
                Kind.Restarted => new ProtectionVerdict(date >= standing.ProtectedFrom, month, "protected_from_payment", entry, rule.Version,
                [
                    funded,
                    ProtectionReason.Of("membership.restarted",
                        "Kepesertaan nonaktif sejak {0}; pembayaran {1} memulai kepesertaan baru yang terlindungi sejak tanggal bayar.",
                        standing.WindowEnd.AddDays(1), paidOn),
                    date >= standing.ProtectedFrom
                        ? ProtectionReason.Of("contribution.paid_late_restarted", "Iuran dibayar {0}; perlindungan berlaku sejak tanggal bayar.", paidOn)
                        : ProtectionReason.Of("contribution.paid_after_date", "Iuran baru dibayar {0}, setelah tanggal yang ditanyakan; perlindungan berlaku sejak tanggal bayar.", paidOn),
                ]),
                Kind.BackdateApproved => new ProtectionVerdict(true, month, "protected", entry, rule.Version,
                    [funded, ProtectionReason.Of("protection.backdate_approved", "Iuran dibayar {0}, setelah batas tunggakan; BPJS menyetujui permohonan berlaku surut.", paidOn)]),
                _ => new ProtectionVerdict(false, month, "gap", entry, rule.Version,
                [
                    funded,
                    ProtectionReason.Of("protection.continuity_break",
                        "Iuran bulan ini baru dibayar {0}, setelah batas tunggakan {1}; kesinambungan terputus dan bulan ini tidak melindungi.",
                        paidOn, standing.WindowEnd),
                    BackdateReason(entry.BackdateStatus),
                ]),
            };
            return calendarNote is null ? verdict : verdict with { Reasons = [.. verdict.Reasons, calendarNote] };
        }

        // Due but not (fully) paid.
        var due = new List<ProtectionReason> { funded, Unpaid(entry, dueDate, today) };
        if (entry.AmountPaid > 0)
        {
            due.Add(ProtectionReason.Of("contribution.underpaid", "Baru dibayar {0} dari {1}; bulan ini belum lunas.",
                new Rupiah(entry.AmountPaid), new Rupiah(entry.AmountDue)));
        }

        if (calendarNote is not null)
        {
            due.Add(calendarNote);
        }

        if (anchor is not null && date > WindowEnd(anchor.Month, rule))
        {
            due.Add(Inactive(anchor.Month, rule));
            return new(false, month, "inactive", entry, rule.Version, due);
        }

        if (rule.ArrearsMonthProtected && anchor is not null)
        {
            due.Add(ProtectionReason.Of("protection.arrears_window", "Masih dalam {0} bulan tunggakan (sampai {1}); pengaturan menganggap bulan ini terlindungi.",
                rule.LapseMonths, WindowEnd(anchor.Month, rule)));
            return new(true, month, "arrears_protected", entry, rule.Version, due);
        }

        due.Add(anchor is not null
            ? ProtectionReason.Of("protection.unpaid_not_protected", "Bulan yang belum dibayar tidak terlindungi (pengaturan: hanya bulan yang dibayar); tunggakan masih dapat dibayar sampai {0}.", WindowEnd(anchor.Month, rule))
            : ProtectionReason.Of("protection.unpaid_not_protected", "Bulan yang belum dibayar tidak terlindungi."));
        return new(false, month, "unpaid", entry, rule.Version, due);
    }

    /// <summary>
    /// The last day arrears may be paid without a break: the last day of the rule's lapse months after the last kept
    /// month (DOMAIN.md: "at most 3 months counted from the end of the last paid month").
    /// </summary>
    public static DateOnly WindowEnd(ContributionMonth lastKept, ProtectionRule rule) => lastKept.PlusMonths(rule.LapseMonths).LastDay;

    /// <summary>The day the membership started: the enrolment's registration day, else the first ledger month's first day.</summary>
    private static DateOnly? MembershipStart(ProtectionFacts facts) =>
        facts.MembershipStart ?? (facts.Ledger.Count > 0 ? facts.Ledger[0].Month.FirstDay : null);

    private enum Kind { OnTime, InWindow, Restarted, BackdateApproved, Gap }

    private sealed record Standing(Kind Kind, DateOnly WindowEnd, DateOnly ProtectedFrom);

    private sealed record Kept(ContributionMonth Month, DateOnly PaidOn);

    /// <summary>The kept months before <paramref name="before"/>, oldest first (at most a few dozen: a walk is cheap).</summary>
    private static List<Kept> KeptMonths(ProtectionFacts facts, DateOnly? start, ContributionMonth before)
    {
        var kept = new List<Kept>();
        foreach (var entry in facts.Ledger)
        {
            if (entry.Month >= before)
            {
                break;
            }

            if (!entry.FullyPaid || ProtectionRule.For(facts.Rules, entry.Month) is not { } rule
                || (start is { } s && entry.Month < ContributionMonth.FromDate(s)))
            {
                continue;
            }

            if (Judge(entry, kept, start, rule, facts).Kind != Kind.Gap)
            {
                kept.Add(new Kept(entry.Month, entry.PaidOn!.Value));
            }
        }

        return kept;
    }

    /// <summary>How a fully paid month stands, given the months kept before it.</summary>
    private static Standing Judge(LedgerMonth entry, List<Kept> kept, DateOnly? start, ProtectionRule rule, ProtectionFacts facts)
    {
        var paidOn = entry.PaidOn!.Value;
        // The last month kept by the time of this payment; before any, the month before the first month Payung knows of
        // the membership (its first ledger month, or the month it started when later): what came before is not Payung's
        // to judge, so the membership is taken to be in good standing there.
        var known = facts.Ledger[0].Month;
        var origin = start is { } s && ContributionMonth.FromDate(s) > known ? ContributionMonth.FromDate(s) : known;
        var anchor = kept.LastOrDefault(k => k.PaidOn <= paidOn)?.Month ?? origin.PlusMonths(-1);
        var windowEnd = WindowEnd(anchor, rule);
        var firstDay = start is { } begun && ContributionMonth.FromDate(begun) == entry.Month ? begun : entry.Month.FirstDay;
        if (paidOn <= windowEnd)
        {
            return paidOn <= rule.DueDate(entry.Month, facts.Calendar)
                ? new Standing(Kind.OnTime, windowEnd, firstDay)
                : new Standing(Kind.InWindow, windowEnd, paidOn);
        }

        if (entry.BackdateStatus == "approved")
        {
            return new Standing(Kind.BackdateApproved, windowEnd, firstDay);
        }

        // The membership ended the day after the window; a payment in or before its own month begins a new one.
        return paidOn <= entry.Month.LastDay
            ? new Standing(Kind.Restarted, windowEnd, paidOn > firstDay ? paidOn : firstDay)
            : new Standing(Kind.Gap, windowEnd, paidOn);
    }

    private static ProtectionReason InWindow(DateOnly paidOn, DateOnly dueDate, DateOnly windowEnd, ProtectionRule rule) =>
        ProtectionReason.Of("contribution.paid_in_arrears_window",
            "Iuran dibayar {0}, setelah jatuh tempo {1} tetapi dalam batas tunggakan {2} bulan (sampai {3}); kepesertaan tetap bersambung.",
            paidOn, dueDate, rule.LapseMonths, windowEnd);

    private static ProtectionReason Funded(LedgerMonth entry) => entry.Source == "self_paid"
        ? ProtectionReason.Of("funding.self_paid", "Iuran dibayar sendiri oleh peserta (mandiri).")
        : ProtectionReason.Of("funding.programme", "Iuran ditanggung program pemberi dana.");

    private static ProtectionReason Unpaid(LedgerMonth entry, DateOnly dueDate, DateOnly today) => today <= dueDate
        ? ProtectionReason.Of("contribution.not_yet_due", "Iuran {0} belum dibayar; jatuh tempo {1}.", new Rupiah(entry.AmountDue - entry.AmountPaid), dueDate)
        : ProtectionReason.Of("contribution.unpaid", "Iuran {0} belum dibayar; jatuh tempo {1} telah lewat.", new Rupiah(entry.AmountDue - entry.AmountPaid), dueDate);

    private static ProtectionReason Inactive(ContributionMonth lastKept, ProtectionRule rule) =>
        ProtectionReason.Of("membership.inactive", "Lebih dari {0} bulan berturut-turut tidak dibayar setelah {1}; kepesertaan nonaktif sejak {2}.",
            rule.LapseMonths, lastKept, WindowEnd(lastKept, rule).AddDays(1));

    private static ProtectionReason BackdateReason(string? status) => status switch
    {
        "requested" => ProtectionReason.Of("backdate.requested", "Permohonan berlaku surut sudah diajukan ke BPJS dan menunggu keputusan."),
        "refused" => ProtectionReason.Of("backdate.refused", "BPJS menolak permohonan berlaku surut."),
        _ => ProtectionReason.Of("backdate.not_requested", "Belum ada permohonan berlaku surut ke BPJS."),
    };
}
