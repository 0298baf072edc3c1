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
/// The protection rules of DOMAIN.md in one pure function, so the API, the worker page's month strip and the
/// tests all use the same reasoning:
/// <list type="bullet">
/// <item>A month paid in full by its due date (the rule's due day, the 15th) protects the whole month.</item>
/// <item>A month paid late in the month itself protects from the payment day: a late payment restarts protection
/// from the payment month.</item>
/// <item>A month paid only in a later month is a gap (continuity break) — unless BPJS approved a backdate request,
/// whose status the ledger keeps.</item>
/// <item>An unpaid month: after the rule's lapse months (3) of consecutive unpaid months the membership is inactive;
/// inside that window the rule's setting decides (default: not protected).</item>
/// <item>Nothing protects after the worker's death, and no contribution due means no protection.</item>
/// </list>
/// States for the strip: <c>protected</c>, <c>protected_from_payment</c>, <c>gap</c>, <c>unpaid</c>,
/// <c>arrears_protected</c>, <c>inactive</c>, <c>none</c>, <c>deceased</c>.
/// </summary>
internal static class ProtectionEvaluator
{
    public static ProtectionVerdict Evaluate(DateOnly date, IReadOnlyList<LedgerMonth> ledger, IReadOnlyList<ProtectionRule> rules,
        DateOnly? deathDate, DateOnly today)
    {
        var month = ContributionMonth.FromDate(date);
        var rule = ProtectionRule.For(rules, month);
        var entry = ledger.FirstOrDefault(l => l.Month == month);
        if (deathDate is { } died && died < date)
        {
            return new(false, month, "deceased", entry, rule?.Version,
                [ProtectionReason.Of("worker.deceased", "Peserta meninggal pada {0}; tidak ada perlindungan setelahnya.", died)]);
        }

        if (rule is null)
        {
            return new(false, month, "none", entry, null,
                [ProtectionReason.Of("protection.rule_missing", "Tidak ada aturan perlindungan yang berlaku untuk bulan ini.")]);
        }

        if (entry is null || entry.AmountDue == 0)
        {
            var reasons = new List<ProtectionReason>
            {
                entry is { AmountPaid: > 0 }
                    ? ProtectionReason.Of("contribution.refunded", "Iuran bulan ini dibatalkan (kepesertaan program berakhir) dan dikembalikan ke pembayar.")
                    : ProtectionReason.Of("contribution.none", "Tidak ada iuran tercatat untuk bulan ini."),
            };
            if (Lapsed(month, ledger, rule))
            {
                reasons.Add(Inactive(rule));
                return new(false, month, "inactive", entry, rule.Version, reasons);
            }

            return new(false, month, "none", entry, rule.Version, reasons);
        }

        var funded = Funded(entry);
        var dueDate = rule.DueDate(month);
        if (entry.FullyPaid)
        {
            var paidOn = entry.PaidOn!.Value;
            if (paidOn <= dueDate)
            {
                return new(true, month, "protected", entry, rule.Version,
                    [funded, ProtectionReason.Of("contribution.paid_on_time", "Iuran lunas {0}, sebelum jatuh tempo {1}.", paidOn, dueDate)]);
            }

            if (entry.BackdateStatus == "approved")
            {
                return new(true, month, "protected", entry, rule.Version,
                    [funded, ProtectionReason.Of("protection.backdate_approved", "Iuran dibayar terlambat ({0}); BPJS menyetujui permohonan berlaku surut.", paidOn)]);
            }

            if (ContributionMonth.FromDate(paidOn) == month)
            {
                return date >= paidOn
                    ? new(true, month, "protected_from_payment", entry, rule.Version,
                        [funded, ProtectionReason.Of("contribution.paid_late_restarted", "Iuran dibayar terlambat {0}; perlindungan berlaku sejak tanggal bayar.", paidOn)])
                    : new(false, month, "protected_from_payment", entry, rule.Version,
                        [funded, ProtectionReason.Of("contribution.paid_after_date", "Iuran baru dibayar {0}, setelah tanggal yang ditanyakan; perlindungan berlaku sejak tanggal bayar.", paidOn)]);
            }

            return new(false, month, "gap", entry, rule.Version,
            [
                funded,
                ProtectionReason.Of("protection.continuity_break",
                    "Iuran bulan ini baru dibayar {0} (bulan berikutnya); kesinambungan terputus, perlindungan mulai lagi dari bulan pembayaran.", paidOn),
                BackdateReason(entry.BackdateStatus),
            ]);
        }

        // Due but not (fully) paid.
        if (Lapsed(month, ledger, rule))
        {
            return new(false, month, "inactive", entry, rule.Version, [funded, Unpaid(entry, dueDate, today), Inactive(rule)]);
        }

        if (rule.ArrearsMonthProtected && HasPaidBefore(month, ledger))
        {
            return new(true, month, "arrears_protected", entry, rule.Version,
            [
                funded, Unpaid(entry, dueDate, today),
                ProtectionReason.Of("protection.arrears_window", "Masih dalam {0} bulan tunggakan; pengaturan menganggap bulan ini terlindungi.", rule.LapseMonths),
            ]);
        }

        return new(false, month, "unpaid", entry, rule.Version,
        [
            funded, Unpaid(entry, dueDate, today),
            ProtectionReason.Of("protection.unpaid_not_protected", "Bulan yang belum dibayar tidak terlindungi (pengaturan bawaan: hanya bulan yang dibayar)."),
        ]);
    }

    /// <summary>The rule's lapse months immediately before <paramref name="month"/> all went unpaid, after an earlier paid month or none at all.</summary>
    private static bool Lapsed(ContributionMonth month, IReadOnlyList<LedgerMonth> ledger, ProtectionRule rule)
    {
        if (!HasPaidBefore(month, ledger))
        {
            return false; // never a member through Payung: not "inactive", just nothing
        }

        for (var i = 1; i <= rule.LapseMonths; i++)
        {
            var earlier = ledger.FirstOrDefault(l => l.Month == month.PlusMonths(-i));
            if (earlier is { FullyPaid: true })
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasPaidBefore(ContributionMonth month, IReadOnlyList<LedgerMonth> ledger) =>
        ledger.Any(l => l.Month < month && l.FullyPaid);

    private static ProtectionReason Funded(LedgerMonth entry) => entry.Source == "self_paid"
        ? ProtectionReason.Of("funding.self_paid", "Iuran dibayar sendiri oleh peserta (mandiri).")
        : ProtectionReason.Of("funding.programme", "Iuran ditanggung program pemberi dana.");

    private static ProtectionReason Unpaid(LedgerMonth entry, DateOnly dueDate, DateOnly today) => today <= dueDate
        ? ProtectionReason.Of("contribution.not_yet_due", "Iuran {0} belum dibayar; jatuh tempo {1}.", new Rupiah(entry.AmountDue - entry.AmountPaid), dueDate)
        : ProtectionReason.Of("contribution.unpaid", "Iuran {0} belum dibayar; jatuh tempo {1} telah lewat.", new Rupiah(entry.AmountDue - entry.AmountPaid), dueDate);

    private static ProtectionReason Inactive(ProtectionRule rule) =>
        ProtectionReason.Of("membership.inactive", "{0} bulan berturut-turut tidak dibayar; kepesertaan nonaktif.", rule.LapseMonths);

    private static ProtectionReason BackdateReason(string? status) => status switch
    {
        "requested" => ProtectionReason.Of("backdate.requested", "Permohonan berlaku surut sudah diajukan ke BPJS dan menunggu keputusan."),
        "refused" => ProtectionReason.Of("backdate.refused", "BPJS menolak permohonan berlaku surut."),
        _ => ProtectionReason.Of("backdate.not_requested", "Belum ada permohonan berlaku surut ke BPJS."),
    };
}
