using System.Globalization;
using Payung.Access.Contracts;
using Payung.Shared;

namespace Payung.Billing.Pages;

/// <summary>How Billing's pages write money, months and protection states, in one place.</summary>
public static class BillingDisplay
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string Rupiah(long amount) => (amount < 0 ? "−Rp" : "Rp") + Math.Abs(amount).ToString("N0", Indonesian);

    public static string Rupiah(long? amount) => amount is { } a ? Rupiah(a) : "–";

    public static string Month(string yyyyMm) =>
        ContributionMonth.TryParse(yyyyMm, out var m) ? m.FirstDay.ToString("MMM yyyy", Indonesian) : yyyyMm;

    public static bool CanManage(CallerScope scope) =>
        scope.Role is { } role && Permissions.Roles[Permissions.ManagePrograms].Contains(role);

    /// <summary>Label and Bootstrap colour of a strip state (see ProtectionEvaluator).</summary>
    public static (string Label, string Css) State(string state) => state switch
    {
        "protected" => ("Terlindungi", "text-bg-success"),
        "protected_from_payment" => ("Terlindungi sejak bayar", "text-bg-success"),
        "arrears_protected" => ("Tunggakan (dianggap terlindungi)", "text-bg-warning"),
        "gap" => ("Celah — bayar terlambat", "text-bg-danger"),
        "unpaid" => ("Belum dibayar", "text-bg-warning"),
        "inactive" => ("Nonaktif", "text-bg-dark"),
        "deceased" => ("Meninggal", "text-bg-secondary"),
        _ => ("Tidak ada iuran", "text-bg-light"),
    };

    public static string Source(string? source) => source switch
    {
        "self_paid" => "Mandiri",
        "programme" => "Program",
        _ => "–",
    };

    public static string BillKind(string kind) => kind == "regular" ? "Reguler" : "Penyesuaian";

    public static string LineKind(string kind) => kind switch
    {
        "charge" => "Tagihan",
        "refund" => "Pengembalian",
        _ => "Penyesuaian",
    };
}
