using Payung.Registry.ImportWorkers;

namespace Payung.Registry.Contracts;

/// <summary>
/// Reads a list of NIKs: the column headed "NIK" (or "No KTP", "Nomor Induk Kependudukan") of the first sheet of an
/// .xlsx or UTF-8 .csv, with the worker import's safeguards (size, kind by content, zip bomb, UTF-8). Other columns
/// may be there and are not read. The whole file is refused with an <see cref="ImportRefusedException"/> when it is
/// not a spreadsheet, lacks the header, has no data row or more than <see cref="ImportLimits.MaxRows"/>, holds a
/// formula anywhere, or holds NIKs Excel stored as numbers: those lost their last digits in every row.
/// </summary>
public static class ReadNikList
{
    public static IReadOnlyList<NikListRow> Run(Stream stream, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        var format = InspectImportFile.CheckSizeAndFormat(stream, limits);
        using var sheet = ISheetReader.Open(format, stream, limits);
        if (!sheet.Read())
        {
            throw ImportRefusedException.Empty();
        }

        var column = NikColumn(sheet.Cells);
        var rows = new List<NikListRow>();
        while (sheet.Read())
        {
            var cells = sheet.Cells;
            if (cells.Any(c => c.IsFormula))
            {
                throw ImportRefusedException.Formula(sheet.RowNumber);
            }

            var nik = column < cells.Count ? cells[column] : SheetCell.Empty;
            if (nik.IsExcelFloat)
            {
                throw ImportRefusedException.NikExcelFloat(sheet.RowNumber);
            }

            if (rows.Count == limits.MaxRows)
            {
                throw ImportRefusedException.TooManyRows(limits.MaxRows);
            }

            var text = nik.Text?.Trim();
            rows.Add(new NikListRow(sheet.RowNumber, string.IsNullOrEmpty(text) ? null : text));
        }

        return rows.Count > 0 ? rows : throw ImportRefusedException.Empty();
    }

    private static int NikColumn(IReadOnlyList<SheetCell> header)
    {
        var found = -1;
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Text is not { } text || ImportColumns.Find(text.Trim()) != ImportField.Nik)
            {
                continue;
            }

            if (found >= 0)
            {
                throw new ImportRefusedException("import.headers_duplicate", "Ada judul kolom yang muncul dua kali.", 422, "Kolom ganda: NIK.");
            }

            found = i;
        }

        return found >= 0
            ? found
            : throw new ImportRefusedException("import.headers_missing", "Judul kolom wajib tidak ditemukan pada baris pertama.", 422,
                "Baris pertama harus berisi judul kolom NIK.") { Data = { ["missing"] = new List<string> { "NIK" } } };
    }
}
