using System.Globalization;
using Payung.Shared;

namespace Payung.Billing.HandOverToSelfPaid;

/// <summary>
/// The SMS/WhatsApp texts to participants, in Indonesian: short enough for a few SMS parts, with what the participant
/// needs to keep paying — the KPJ number, the amount for a month and how to pay.
/// </summary>
internal static class SelfPaidMessage
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public const string UnknownKpj =
        "Nomor KPJ Anda belum tercatat pada kami; tanyakan ke kantor BPJS Ketenagakerjaan terdekat dengan membawa KTP.";

    public static string Handover(string fullName, string funderName, ContributionMonth lastFunded, string? kpj, long monthlyAmount,
        string instructions) =>
        $"Yth. {fullName}, iuran BPJS Ketenagakerjaan Anda dibayar {funderName} sampai bulan {MonthName(lastFunded)}. "
        + $"Agar tetap terlindungi, mulai {MonthName(lastFunded.PlusMonths(1))} lanjutkan iuran secara mandiri "
        + $"sebesar {Rupiah(monthlyAmount)} per bulan (JKK dan JKM). {KpjSentence(kpj)} {instructions}";

    public static string Reminder(string fullName, ContributionMonth unpaid, string? kpj, long monthlyAmount, int lapseMonths,
        string instructions) =>
        $"Yth. {fullName}, iuran BPJS Ketenagakerjaan mandiri Anda bulan {MonthName(unpaid)} sebesar {Rupiah(monthlyAmount)} "
        + $"belum tercatat dibayar. Setelah {lapseMonths} bulan berturut-turut tidak membayar, kepesertaan menjadi nonaktif "
        + $"dan perlindungan berhenti. {KpjSentence(kpj)} {instructions}";

    public static string MonthName(ContributionMonth month) =>
        month.FirstDay.ToString("MMMM yyyy", Indonesian);

    public static string Rupiah(long amount) => "Rp" + amount.ToString("N0", Indonesian);

    private static string KpjSentence(string? kpj) => kpj is null ? UnknownKpj : $"Nomor KPJ Anda: {kpj}.";
}
