namespace Payung.Infrastructure.Spreadsheets;

/// <summary>
/// The whole file is refused (not a spreadsheet, headers missing, too large…): nothing is imported. The
/// code is stable (<c>import.headers_missing</c>), the message Indonesian, the status what the API answers.
/// </summary>
public sealed class ImportRefusedException(string code, string message, int status, string? detail = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string Code { get; } = code;

    public int Status { get; } = status;

    public string? Detail { get; } = detail;

    public static ImportRefusedException NotASpreadsheet(string detail, Exception? inner = null) =>
        new("import.not_a_spreadsheet", "Berkas ini bukan lembar kerja .xlsx atau .csv yang dapat dibaca.", 415, detail, inner);

    public static ImportRefusedException TooLarge(long limit) =>
        new("import.too_large", "Berkas terlalu besar.", 413, $"Ukuran berkas paling besar {limit / (1024 * 1024)} MB.");

    public static ImportRefusedException TooManyRows(int limit) =>
        new("import.too_many_rows", "Berkas berisi terlalu banyak baris.", 413,
            $"Paling banyak {limit} baris data per berkas; bagi berkas menjadi beberapa bagian.");

    public static ImportRefusedException Empty() =>
        new("import.empty", "Berkas tidak berisi baris data.", 422, "Baris pertama berisi judul kolom, baris berikutnya data.");

    public static ImportRefusedException ZipBomb(string detail) =>
        new("import.zip_bomb", "Berkas .xlsx ini mengembang terlalu besar saat dibuka dan ditolak.", 422, detail);

    /// <summary>A formula in a file that must hold plain values only (<see cref="SheetCell.IsFormula"/>): never imported.</summary>
    public static ImportRefusedException Formula(int row) =>
        new(SheetReasons.FormulaNotAllowed, "Berkas berisi rumus; hanya nilai biasa yang diterima.", 422,
            $"Baris {row} berisi rumus. Salin kolom lalu tempel sebagai nilai (Paste Values) dan simpan ulang.");

    public static ImportRefusedException NotUtf8(long line) =>
        new("import.not_utf8", "Berkas CSV harus berenkode UTF-8.", 422,
            $"Baris {line} berisi karakter yang bukan UTF-8; simpan ulang dari Excel sebagai \"CSV UTF-8 (Comma delimited)\".");
}
