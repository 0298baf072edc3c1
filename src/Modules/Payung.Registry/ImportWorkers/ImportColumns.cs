namespace Payung.Registry.ImportWorkers;

/// <summary>One column of the import file: its Indonesian header, the other spellings accepted, and an example.</summary>
internal sealed record ImportColumn(ImportField Field, string Header, bool Required, string Example, string Help, params string[] Aliases);

/// <summary>
/// The import file's columns. Headers match case-, space- and punctuation-insensitively ("No. KK",
/// "no_kk" and "NO KK" are one header). Kode Desa is required unless the upload names a village for
/// rows that leave it empty.
/// </summary>
internal static class ImportColumns
{
    /// <summary>Columns the error workbook adds; ignored when that workbook comes back as an import.</summary>
    public const string ReasonsHeader = "Alasan";
    public const string RowHeader = "Baris Asal";
    public const string VerdictHeader = "Hasil";

    public static IReadOnlyList<ImportColumn> All { get; } =
    [
        new(ImportField.Nik, "NIK", true, "1801054101900001", "16 digit, ditulis sebagai teks", "no ktp", "nomor induk kependudukan"),
        new(ImportField.Kk, "No KK", false, "1801051203150002", "16 digit nomor Kartu Keluarga", "kk", "nomor kk", "nomor kartu keluarga"),
        new(ImportField.FullName, "Nama Lengkap", true, "Siti Aminah", "2–150 karakter", "nama"),
        new(ImportField.BirthPlace, "Tempat Lahir", false, "Kalianda", "paling panjang 100 karakter"),
        new(ImportField.BirthDate, "Tanggal Lahir", true, "1990-01-01", "yyyy-MM-dd, dd/MM/yyyy atau dd-MM-yyyy", "tgl lahir"),
        new(ImportField.Sex, "Jenis Kelamin", true, "P", "L (laki-laki) atau P (perempuan)", "jk", "kelamin"),
        new(ImportField.VillageCode, "Kode Desa", true, "18.01.06.2001", "kode Kemendagri desa/kelurahan, 10 digit dengan atau tanpa titik", "kode desa/kelurahan", "kode kelurahan", "kode wilayah"),
        new(ImportField.Address, "Alamat", false, "Dusun Sukamaju", "paling panjang 300 karakter"),
        new(ImportField.Rt, "RT", false, "003", "1–3 digit"),
        new(ImportField.Rw, "RW", false, "001", "1–3 digit"),
        new(ImportField.Phone, "No HP", false, "081234567890", "8–15 digit, boleh diawali +", "hp", "nomor hp", "telepon", "no telepon"),
        new(ImportField.Occupation, "Pekerjaan", true, "petani", "kode atau nama pekerjaan dari daftar"),
        new(ImportField.MonthlyIncome, "Penghasilan Bulanan", false, "1500000", "rupiah, angka bulat", "penghasilan"),
        new(ImportField.DtsenDecile, "Desil DTSEN", false, "2", "1–10", "desil"),
        new(ImportField.Status, "Status", false, "hidup", "hidup atau meninggal", "status hidup"),
        new(ImportField.DeathDate, "Tanggal Meninggal", false, "", "wajib bila status meninggal", "tgl meninggal"),
    ];

    public static int Count => All.Count;

    /// <summary>Headers the error workbook adds, and a leading row-number column: silently skipped.</summary>
    public static IReadOnlyList<string> ExtraHeaders { get; } = [ReasonsHeader, RowHeader, VerdictHeader, "No", "No.", "Nomor"];

    public static ImportColumn Of(ImportField field) => All[(int)field];
}
