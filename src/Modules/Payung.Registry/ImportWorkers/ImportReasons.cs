using Payung.Shared;

namespace Payung.Registry.ImportWorkers;

/// <summary>
/// The row-level reasons of an import: stable English codes (stored per row, in the API) and their
/// Indonesian text. A stored reason may carry the column it concerns after a '|'
/// (<c>import.formula_not_allowed|Nama Lengkap</c>).
/// </summary>
public static class ImportReasons
{
    public const string FormulaNotAllowed = SheetReasons.FormulaNotAllowed;
    public const string ControlCharacter = SheetReasons.ControlCharacter;
    public const string CellTooLong = SheetReasons.CellTooLong;
    public const string DuplicateInFile = "import.duplicate_in_file";
    public const string NikExcelFloat = "nik.excel_float";
    public const string KkExcelFloat = "kk.excel_float";
    public const string OutOfScope = "region.out_of_scope";
    public const string PossibleDuplicate = "worker.possible_duplicate";

    /// <summary>Reasons that send a row to review instead of rejecting it (see the import's verdict rules).</summary>
    public static IReadOnlySet<string> Review { get; } = new HashSet<string>
    {
        NikRules.BirthDateMismatchCode, NikRules.SexMismatchCode, PossibleDuplicate,
        "nik.registered_out_of_scope", "worker.deceased_in_registry", "worker.merged",
    };

    /// <summary>Reasons that neither reject nor hold a row: it is imported and the warning kept on the worker.</summary>
    public static IReadOnlySet<string> Warning { get; } = new HashSet<string> { NikRules.FormerRegionCode, NikRules.DistrictUnknownCode };

    private static readonly Dictionary<string, string> Texts = new()
    {
        [DuplicateInFile] = "NIK ini sudah muncul di baris sebelumnya dalam berkas yang sama.",
        [NikExcelFloat] = "NIK tersimpan sebagai angka (mis. 1,80106E+15) sehingga digit terakhirnya hilang; format kolom NIK sebagai Teks lalu ketik ulang NIK-nya.",
        [KkExcelFloat] = "No KK tersimpan sebagai angka (mis. 1,80106E+15) sehingga digit terakhirnya hilang; format kolom sebagai Teks lalu ketik ulang.",
        ["nik.required"] = "NIK wajib diisi.",
        [NikRules.LengthCode] = "NIK harus terdiri dari 16 digit angka.",
        [NikRules.NotDigitsCode] = "NIK hanya boleh berisi angka 0–9.",
        [NikRules.RegionUnknownCode] = "Kode provinsi/kabupaten pada NIK tidak dikenal.",
        [NikRules.DateInvalidCode] = "Tanggal lahir pada NIK bukan tanggal yang valid.",
        [NikRules.SerialZeroCode] = "Nomor urut NIK tidak boleh 0000.",
        [NikRules.FormerRegionCode] = "Kode wilayah pada NIK adalah kode lama dari sebelum pemekaran wilayah; NIK tetap sah (hanya peringatan).",
        [NikRules.DistrictUnknownCode] = "Kode kecamatan pada NIK tidak ditemukan; wilayah mungkin telah dimekarkan (hanya peringatan).",
        [NikRules.BirthDateMismatchCode] = "Tanggal lahir pada NIK berbeda dengan Tanggal Lahir yang diisi.",
        [NikRules.SexMismatchCode] = "Jenis kelamin pada NIK berbeda dengan Jenis Kelamin yang diisi.",
        ["kk.invalid"] = "No KK harus terdiri dari 16 digit angka.",
        ["name.required"] = "Nama Lengkap wajib diisi.",
        ["name.invalid"] = "Nama Lengkap harus 2–150 karakter.",
        ["birth_place.too_long"] = "Tempat Lahir paling panjang 100 karakter.",
        ["birth_date.required"] = "Tanggal Lahir wajib diisi.",
        ["birth_date.invalid"] = "Tanggal Lahir tidak valid; gunakan yyyy-MM-dd, dd/MM/yyyy atau dd-MM-yyyy, dan bukan tanggal di masa depan.",
        ["sex.required"] = "Jenis Kelamin wajib diisi.",
        ["sex.invalid"] = "Jenis Kelamin harus L (laki-laki) atau P (perempuan).",
        ["village.required"] = "Kode Desa wajib diisi.",
        ["village.unknown"] = "Kode Desa tidak ditemukan dalam daftar desa/kelurahan Kemendagri.",
        [OutOfScope] = "Desa/kelurahan ini di luar wilayah kewenangan Anda.",
        ["address.too_long"] = "Alamat paling panjang 300 karakter.",
        ["rt.invalid"] = "RT harus 1–3 digit angka.",
        ["rw.invalid"] = "RW harus 1–3 digit angka.",
        ["phone.invalid"] = "No HP harus 8–15 digit angka, boleh diawali +.",
        ["occupation.required"] = "Pekerjaan wajib diisi.",
        ["occupation.unknown"] = "Pekerjaan tidak ada dalam daftar pekerjaan.",
        ["income.invalid"] = "Penghasilan Bulanan harus angka rupiah bulat, mis. 1500000 atau 1.500.000.",
        ["decile.invalid"] = "Desil DTSEN harus angka 1–10.",
        ["status.invalid"] = "Status harus 'hidup' atau 'meninggal'.",
        ["status.death_date_mismatch"] = "Tanggal Meninggal diisi padahal Status 'hidup'.",
        ["death_date.required"] = "Tanggal Meninggal wajib diisi bila Status 'meninggal'.",
        ["death_date.invalid"] = "Tanggal Meninggal tidak valid, sebelum tanggal lahir, atau di masa depan.",
        [PossibleDuplicate] = "Kemungkinan orang yang sama dengan pekerja lain (nama dan tanggal lahir sama di kabupaten yang sama, NIK berbeda).",
        ["nik.registered_out_of_scope"] = "NIK ini sudah terdaftar pada pekerja di luar wilayah kewenangan Anda; hubungi Disnaker untuk pemindahan.",
        ["worker.deceased_in_registry"] = "Pekerja ini tercatat meninggal; baris ini menyatakan hidup.",
        ["worker.merged"] = "NIK ini milik data pekerja yang sudah digabungkan ke data lain.",
    };

    public static string Text(string code) =>
        Texts.TryGetValue(code, out var text) || SheetReasons.Texts.TryGetValue(code, out text) ? text : code;

    /// <summary>
    /// A stored reason as the operator reads it, with its column and the earlier row where that matters. With the row's
    /// NIK and the region list, a former region code is named with the region it is today.
    /// </summary>
    public static ImportReason Describe(string stored, int? duplicateOfRow, string? nik = null, IRegionCodeLookup? regions = null)
    {
        var (code, column) = SheetReasons.Split(stored);
        var text = SheetReasons.InColumn(Text(code), column);
        if (code == NikRules.FormerRegionCode && regions is not null && FormerRegionOf(nik, regions) is { } former)
        {
            text = NikRules.FormerRegionWarning(former).Message + " (hanya peringatan)";
        }

        if (duplicateOfRow is { } row && code is DuplicateInFile or PossibleDuplicate)
        {
            text = code == DuplicateInFile
                ? $"NIK ini sudah muncul di baris {row} dalam berkas yang sama."
                : $"{text} Lihat baris {row}.";
        }

        return new ImportReason(code, text, column);
    }

    private static FormerRegionCode? FormerRegionOf(string? nik, IRegionCodeLookup regions) =>
        nik is { Length: 16 } && nik.All(char.IsAsciiDigit) && RegionCode.TryParse(nik[..4], out var regency)
            ? regions.FindFormer(regency)
            : null;
}

/// <summary>One reason of a row's verdict.</summary>
public sealed record ImportReason(string Code, string Message, string? Column);
