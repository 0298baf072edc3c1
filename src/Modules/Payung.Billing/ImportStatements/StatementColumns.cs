namespace Payung.Billing.ImportStatements;

/// <summary>The columns a statement may carry, in the template's order (also the staging table's text columns).</summary>
internal enum StatementField
{
    Nik,
    Kpj,
    Month,
    Amount,
    PaidOn,
    Source,
    Reference,
}

/// <summary>One column of a statement file: its Indonesian header, an example and help for the template.</summary>
internal sealed record StatementColumn(StatementField Field, string Header, bool Required, string Example, string Help, params string[] Aliases);

/// <summary>
/// A payment/contribution statement: one row per worker (NIK or KPJ; at least one of the two columns) and contribution
/// month, with the amount, the payment date and who paid (<c>mandiri</c> or <c>program</c>).
/// </summary>
internal static class StatementColumns
{
    public const string ReasonsHeader = "Alasan";
    public const string RowHeader = "Baris Asal";
    public const string VerdictHeader = "Hasil";

    public static IReadOnlyList<StatementColumn> All { get; } =
    [
        new(StatementField.Nik, "NIK", false, "1801054101900001", "16 digit, ditulis sebagai teks; boleh kosong bila KPJ diisi", "no ktp", "nomor induk kependudukan"),
        new(StatementField.Kpj, "KPJ", false, "12345678901", "11 digit nomor kartu BPJS Ketenagakerjaan; boleh kosong bila NIK diisi", "no kpj", "nomor kpj", "nomor kartu peserta"),
        new(StatementField.Month, "Bulan", true, "2026-05", "bulan iuran, yyyy-MM", "bulan iuran", "periode"),
        new(StatementField.Amount, "Jumlah", true, "16800", "rupiah, angka bulat", "jumlah iuran", "nominal", "iuran"),
        new(StatementField.PaidOn, "Tanggal Bayar", true, "2026-05-10", "yyyy-MM-dd", "tgl bayar", "tanggal pembayaran"),
        new(StatementField.Source, "Sumber", true, "mandiri", "mandiri (dibayar sendiri) atau program (didanai program)", "sumber dana", "pembayar"),
        new(StatementField.Reference, "Referensi", false, "BPJS-0001", "nomor bukti bayar, paling panjang 100 karakter", "no referensi", "nomor bukti"),
    ];

    public static int Count => All.Count;

    /// <summary>Headers the error workbook adds, and a leading row-number column: silently skipped.</summary>
    public static IReadOnlyList<string> ExtraHeaders { get; } = [ReasonsHeader, RowHeader, VerdictHeader, "No", "No.", "Nomor"];
}
