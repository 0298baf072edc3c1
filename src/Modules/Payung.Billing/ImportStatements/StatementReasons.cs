using System.Text.Json.Serialization;
using Payung.Infrastructure.Spreadsheets;

namespace Payung.Billing.ImportStatements;

/// <summary>
/// One reason of a statement row's verdict: stable code, Indonesian message, the column it concerns, and for a duplicate
/// the earlier row it repeats (kept apart so a page can write the message in its own language).
/// </summary>
internal sealed record StatementReason(string Code, string Message, string? Column, [property: JsonIgnore] int? DuplicateOfRow = null);

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
    };

    public static string Text(string code) =>
        Texts.TryGetValue(code, out var text) || SheetReasons.Texts.TryGetValue(code, out text) ? text : code;

    public static StatementReason Describe(string stored, int? duplicateOfRow)
    {
        var (code, column) = SheetReasons.Split(stored);
        var text = SheetReasons.InColumn(Text(code), column);

        if (code == DuplicateInFile && duplicateOfRow is { } row)
        {
            text = $"Pekerja dan bulan ini sudah muncul di baris {row} dalam berkas yang sama.";
            return new StatementReason(code, text, column, row);
        }

        return new StatementReason(code, text, column);
    }
}
