using System.Globalization;
using System.Text.Json.Serialization;
using Payung.Infrastructure.Spreadsheets;
using Payung.Shared;

namespace Payung.Billing.ImportStatements;

/// <summary>
/// One reason of a statement row's verdict: stable code, Indonesian message, the column it concerns, and for a duplicate
/// the earlier row it repeats (kept apart so a page can write the message in its own language).
/// </summary>
internal sealed record StatementReason(string Code, string Message, string? Column, [property: JsonIgnore] int? DuplicateOfRow = null)
{
    /// <summary>For the reasons naming the month's amounts: the amount due by the rate tables, what is paid, and the difference.</summary>
    [JsonIgnore]
    public long[]? Amounts { get; init; }
}

/// <summary>
/// The row-level reasons of a statement import: stable English codes (stored per row, in the API) and their
/// Indonesian text. A stored reason may carry the column after a '|' (<c>import.formula_not_allowed|Jumlah</c>).
/// </summary>
internal static class StatementReasons
{
    public const string NikInvalid = "statement.nik_invalid";
    public const string NikExcelFloat = "nik.excel_float";
    public const string KpjInvalid = "statement.kpj_invalid";
    public const string IdentityMissing = "statement.identity_missing";
    public const string WorkerNotFound = "statement.worker_not_found";
    public const string OutOfScope = "region.out_of_scope";
    public const string MonthInvalid = "statement.month_invalid";
    public const string AmountInvalid = "statement.amount_invalid";
    public const string DateInvalid = "statement.date_invalid";
    public const string SourceInvalid = "statement.source_invalid";
    public const string ReferenceTooLong = "statement.reference_too_long";
    public const string DuplicateInFile = "statement.duplicate_in_file";
    public const string KpjConflict = "statement.kpj_conflict";
    public const string FundedByProgramme = "statement.funded_by_programme";
    public const string ProgrammePaymentMismatch = "statement.programme_payment_mismatch";
    public const string ProgrammePaymentMatches = "statement.programme_payment_matches";
    public const string AfterDeath = "statement.after_death";
    public const string Underpaid = "statement.underpaid";
    public const string Overpaid = "statement.overpaid";
    public const string MonthCompleted = "statement.month_completed";
    public const string RateMissing = "statement.rate_missing";

    /// <summary>The texts of the reasons that name the month's amounts: {0} due by the rate tables, {1} paid, {2} the difference.</summary>
    public static readonly IReadOnlyDictionary<string, string> AmountTexts = new Dictionary<string, string>
    {
        [Underpaid] = "Iuran bulan ini {0} menurut tabel tarif, baru dibayar {1} (kurang {2}); bulan ini belum lunas sehingga belum melindungi.",
        [Overpaid] = "Dibayar {1}, lebih {2} dari iuran bulan ini {0} menurut tabel tarif; bulan ini lunas, kelebihannya perlu diperiksa dengan BPJS.",
        [MonthCompleted] = "Pembayaran ini melunasi bulan ini: dibayar {1} dari iuran {0} menurut tabel tarif.",
    };

    private static readonly Dictionary<string, string> Texts = new()
    {
        [NikInvalid] = "NIK harus terdiri dari 16 digit angka.",
        [NikExcelFloat] = "NIK tersimpan sebagai angka (mis. 1,80106E+15) sehingga digit terakhirnya hilang; format kolom NIK sebagai Teks lalu ketik ulang NIK-nya.",
        [KpjInvalid] = "KPJ harus terdiri dari 11 digit angka.",
        [IdentityMissing] = "Isi NIK atau KPJ (salah satu wajib).",
        [WorkerNotFound] = "Pekerja dengan NIK/KPJ ini tidak ditemukan (KPJ dikenali setelah pernah muncul bersama NIK).",
        [OutOfScope] = "Pekerja ini di luar wilayah kewenangan Anda.",
        [MonthInvalid] = "Bulan harus berformat yyyy-MM, berlaku aturan perlindungannya, dan tidak melewati batas bayar di muka.",
        [AmountInvalid] = "Jumlah harus angka rupiah bulat lebih dari 0, mis. 16800 atau 16.800.",
        [DateInvalid] = "Tanggal Bayar harus berformat yyyy-MM-dd, tidak di masa depan, dan tidak lebih awal dari batas bayar di muka bulan iurannya.",
        [SourceInvalid] = "Sumber harus 'mandiri' atau 'program'.",
        [ReferenceTooLong] = "Referensi paling panjang 100 karakter.",
        [DuplicateInFile] = "Pekerja dan bulan ini sudah muncul di baris sebelumnya dalam berkas yang sama.",
        [KpjConflict] = "KPJ ini sudah tercatat untuk pekerja lain; periksa NIK dan KPJ-nya.",
        [FundedByProgramme] = "Bulan ini didanai program; iuran mandiri untuk bulan yang sama perlu diperiksa (kemungkinan bayar ganda).",
        [ProgrammePaymentMismatch] = "Bulan ini tidak tercatat lunas oleh program dengan jumlah tersebut di Payung; cocokkan penerimaan BPJS dengan pembayaran program.",
        [ProgrammePaymentMatches] = "Cocok dengan pembayaran program yang tercatat di Payung.",
        [AfterDeath] = "Iuran mandiri untuk bulan setelah peserta meninggal; dicatat sebagai pengembalian kepada pembayar.",
        [Underpaid] = "Jumlah yang dibayar kurang dari iuran bulan ini menurut tabel tarif; bulan ini belum lunas sehingga belum melindungi.",
        [Overpaid] = "Jumlah yang dibayar lebih dari iuran bulan ini menurut tabel tarif; bulan ini lunas, kelebihannya perlu diperiksa dengan BPJS.",
        [MonthCompleted] = "Pembayaran ini melunasi bulan ini.",
        [RateMissing] = "Tidak ada tarif iuran mandiri yang berlaku untuk bulan ini, sehingga iuran yang harus dibayar tidak dapat dihitung.",
    };

    public static string Text(string code) =>
        Texts.TryGetValue(code, out var text) || SheetReasons.Texts.TryGetValue(code, out text) ? text : code;

    public static StatementReason Describe(string stored, int? duplicateOfRow, long? monthDue = null, long? monthPaid = null)
    {
        var (code, column) = SheetReasons.Split(stored);
        var text = SheetReasons.InColumn(Text(code), column);

        if (AmountTexts.TryGetValue(code, out var template) && monthDue is { } due && monthPaid is { } paid)
        {
            long[] amounts = [due, paid, Math.Abs(due - paid)];
            text = string.Format(CultureInfo.InvariantCulture, template, amounts.Select(a => (object)new Rupiah(a).ToString()).ToArray());
            return new StatementReason(code, text, column) { Amounts = amounts };
        }

        if (code == DuplicateInFile && duplicateOfRow is { } row)
        {
            text = $"Pekerja dan bulan ini sudah muncul di baris {row} dalam berkas yang sama.";
            return new StatementReason(code, text, column, row);
        }

        return new StatementReason(code, text, column);
    }
}
