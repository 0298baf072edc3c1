using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Payung.Tests.Registry.Import;

/// <summary>Import files made by the tests themselves: CSV text and xlsx workbooks, including hostile ones.</summary>
internal static class ImportFiles
{
    public static byte[] Csv(IEnumerable<ImportRowBuilder> rows, char delimiter = ';', bool bom = false, IReadOnlyList<string>? headers = null)
    {
        headers ??= ImportRowBuilder.Headers;
        var sb = new StringBuilder();
        sb.Append(string.Join(delimiter, headers.Select(h => Quote(h, delimiter)))).Append("\r\n");
        foreach (var row in rows)
        {
            sb.Append(string.Join(delimiter, headers.Select(h => Quote(row[h], delimiter)))).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        return bom ? [.. Encoding.UTF8.GetPreamble(), .. bytes] : bytes;
    }

    private static string Quote(string? value, char delimiter) =>
        value is null ? "" : value.IndexOfAny([delimiter, '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary>
    /// An xlsx with text cells, except where <paramref name="cell"/> says otherwise: a formula (with its
    /// cached value) or a number (as Excel stores a NIK typed into a General-formatted cell).
    /// </summary>
    public static byte[] Xlsx(IEnumerable<ImportRowBuilder> rows, Func<int, string, string?, Cell?>? cell = null, IReadOnlyList<string>? headers = null)
    {
        headers ??= ImportRowBuilder.Headers;
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, headers.Select(h => (string?)h).ToList(), (_, _) => null));
            var index = 2u;
            foreach (var r in rows)
            {
                var rowIndex = (int)index;
                data.Append(Row(index++, headers.Select(h => r[h]).ToList(),
                    (col, value) => cell?.Invoke(rowIndex, headers[col], value)));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Pekerja" }));
        }

        return stream.ToArray();
    }

    private static Row Row(uint index, IReadOnlyList<string?> values, Func<int, string?, Cell?> special)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Count; i++)
        {
            var reference = Column(i) + index.ToString(CultureInfo.InvariantCulture);
            var cell = special(i, values[i]) ?? (values[i] is null ? null : TextCell(values[i]!));
            if (cell is not null)
            {
                cell.CellReference = reference;
                row.Append(cell);
            }
        }

        return row;
    }

    public static Cell TextCell(string value) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) };

    public static Cell NumberCell(double value) =>
        new() { CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture)) };

    public static Cell FormulaCell(string formula, string cachedValue) =>
        new() { DataType = CellValues.String, CellFormula = new CellFormula(formula), CellValue = new CellValue(cachedValue) };

    private static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }

        return name;
    }

    /// <summary>A zip that calls itself a workbook and inflates a few kilobytes into tens of megabytes.</summary>
    public static byte[] ZipBomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open()))
            {
                w.Write("""<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="a" sheetId="1"/></sheets></workbook>""");
            }

            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)' ');
            for (var i = 0; i < 64; i++)
            {
                sheet.Write(block);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Sets a text cell of an existing workbook (the downloaded error workbook, fixed by the "operator").</summary>
    public static byte[] Edit(byte[] workbook, IReadOnlyDictionary<string, string?> cells)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.First().Worksheet;
            foreach (var (reference, value) in cells)
            {
                var rowIndex = uint.Parse(new string(reference.Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture);
                var row = sheet.Descendants<Row>().First(r => r.RowIndex?.Value == rowIndex);
                var existing = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);
                existing?.Remove();
                if (value is null)
                {
                    continue;
                }

                var cell = TextCell(value);
                cell.CellReference = reference;
                var after = row.Elements<Cell>().LastOrDefault(c => string.CompareOrdinal(Pad(c.CellReference!.Value!), Pad(reference)) < 0);
                if (after is null)
                {
                    row.PrependChild(cell);
                }
                else
                {
                    after.InsertAfterSelf(cell);
                }
            }

            sheet.Save();
        }

        return stream.ToArray();
    }

    private static string Pad(string reference)
    {
        var letters = new string(reference.TakeWhile(char.IsLetter).ToArray());
        return letters.PadLeft(3, ' ');
    }

    /// <summary>The first sheet's rows as text, by column letter position, for assertions on downloads.</summary>
    public static List<string?[]> ReadRows(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        using var reader = new Payung.Infrastructure.Spreadsheets.XlsxSheetReader(stream, Payung.Infrastructure.Spreadsheets.ImportLimits.Web);
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            rows.Add(reader.Cells.Select(c => c.Text).ToArray());
        }

        return rows;
    }
}
