using System.Globalization;
using Payung.Billing.CheckProtection;
using Payung.Billing.ImportStatements;
using Payung.Billing.ManageBillingSettings;
using Payung.Infrastructure.Pages;
using Payung.Infrastructure.Spreadsheets;
using Payung.Shared;

namespace Payung.Billing.Pages;

/// <summary>
/// How Billing's pages name protection states, funding sources, bill and line kinds, reasons and settings, in the page's
/// language (<see cref="BillingText"/>). Money, months and days go through <see cref="DisplayFormat"/>.
/// </summary>
public static class BillingDisplay
{
    private static PageText T => BillingText.T;

    /// <summary>Label and Bootstrap colour of a strip state (see ProtectionEvaluator).</summary>
    public static (string Label, string Css) State(string state) => state switch
    {
        "protected" => (T["Terlindungi"], "text-bg-success"),
        "protected_from_payment" => (T["Terlindungi sejak bayar"], "text-bg-success"),
        "arrears_protected" => (T["Tunggakan (dianggap terlindungi)"], "text-bg-warning"),
        "gap" => (T["Celah — dibayar setelah batas tunggakan"], "text-bg-danger"),
        "not_started" => (T["Belum menjadi peserta"], "text-bg-light"),
        "unpaid" => (T["Belum dibayar"], "text-bg-warning"),
        "inactive" => (T["Nonaktif"], "text-bg-dark"),
        "deceased" => (T["Meninggal"], "text-bg-secondary"),
        _ => (T["Tidak ada iuran"], "text-bg-light"),
    };

    public static string Source(string? source) => source switch
    {
        "self_paid" => T["Mandiri"],
        "programme" => T["Program"],
        _ => DisplayFormat.Empty,
    };

    public static string BillKind(string kind) => kind == "regular" ? T["Reguler"] : T["Penyesuaian"];

    public static string LineKind(string kind) => kind switch
    {
        "charge" => T["Iuran"],
        "refund" => T["Pengembalian"],
        _ => T["Penyesuaian"],
    };

    /// <summary>Why a bill line was added after issue (the adjustment's reason code), in words.</summary>
    public static string LineReason(string reason) => reason switch
    {
        "enrollment.late" => T["terdaftar setelah tagihan terbit"],
        "amount.changed" => T["iuran berubah setelah tagihan terbit"],
        "worker.deceased" => T["peserta meninggal"],
        "enrollment.ended" => T["kepesertaan berakhir setelah tagihan terbit"],
        _ => reason,
    };

    /// <summary>Where a backdate request to BPJS stands.</summary>
    public static string Backdate(string status) => status switch
    {
        "requested" => T["diajukan ke BPJS"],
        "approved" => T["disetujui BPJS"],
        "refused" => T["ditolak BPJS"],
        _ => status,
    };

    public static string PaymentMethod(string method) => method switch
    {
        "sp2d" => "SP2D",
        "transfer" => T["Transfer bank"],
        _ => method,
    };

    /// <summary>A day the use cases give as <c>yyyy-MM-dd</c>, in the one page format; anything else as it is.</summary>
    public static string Day(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? DisplayFormat.Date(day)
            : DisplayFormat.Text(iso);

    /// <summary>A protection reason in the page's language, its days and amounts in the page's formats.</summary>
    internal static string Reason(ProtectionReason reason) =>
        T.Format(reason.Text, reason.Values.Select(PageValue).ToArray());

    /// <summary>A statement row's reason in the page's language (the column it names is shown apart, as data).</summary>
    internal static string Reason(StatementReason reason) => reason switch
    {
        { Code: StatementReasons.DuplicateInFile, DuplicateOfRow: { } row } =>
            T.Format("Pekerja dan bulan ini sudah muncul di baris {0} dalam berkas yang sama.", DisplayFormat.Number(row)),
        { Amounts: { } amounts } when StatementReasons.AmountTexts.TryGetValue(reason.Code, out var text) =>
            T.Format(text, amounts.Select(a => (object)DisplayFormat.Rupiah(a)).ToArray()),
        _ => T[StatementReasons.Text(reason.Code)],
    };

    public static string Verdict(string code) => ImportVerdicts.TryParse(code, out var verdict) ? T[verdict.Label()] : code;

    public static string ImportStatus(string status) => T[ImportVerdicts.StatusLabel(status)];

    /// <summary>What a house setting of <c>billing.setting</c> is, for a person; the key stays beside it.</summary>
    public static string SettingLabel(string key) => key switch
    {
        "handover_notice_days" => T["Pemberitahuan serah terima (hari sebelum program berakhir)"],
        "reminder_after_unpaid_months" => T["Pengingat iuran mandiri (bulan belum dibayar)"],
        "self_paid_payment_instructions" => T["Cara membayar iuran mandiri"],
        "notification_channel" => T["Saluran pesan"],
        "notification_max_attempts" => T["Percobaan kirim pesan paling banyak"],
        "notification_retry_minutes" => T["Jeda sebelum kirim ulang (menit)"],
        _ => key,
    };

    /// <summary>When a protection rule version applies: <c>sejak Juli 2015</c> or <c>Juli 2015–Desember 2025</c>.</summary>
    internal static string RulePeriod(ProtectionRuleResponse rule) =>
        rule.EffectiveTo is null
            ? T.Format("sejak {0}", DisplayFormat.Month(rule.EffectiveFrom))
            : DisplayFormat.Months(rule.EffectiveFrom, rule.EffectiveTo);

    /// <summary>A protection rule version by its period, as a person names it.</summary>
    internal static string RuleName(ProtectionRuleResponse rule) => T.Format("Aturan perlindungan {0}", RulePeriod(rule));

    /// <summary>
    /// A text stored with the seeded data (a rule's regulation or note, a setting's description): in English when the
    /// English file knows the seeded text, else as stored.
    /// </summary>
    public static string Seeded(string? text) => string.IsNullOrWhiteSpace(text) ? DisplayFormat.Empty : T[text];

    private static object PageValue(object value) => value switch
    {
        DateOnly day => DisplayFormat.Date(day),
        Rupiah amount => DisplayFormat.Rupiah(amount),
        ContributionMonth month => DisplayFormat.Month(month),
        int n => DisplayFormat.Number(n),
        _ => value,
    };
}
