using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Payung.Bench.WorkerGenerator;

/// <summary>
/// One worksheet written with <see cref="OpenXmlWriter"/> (streamed to the package, never a DOM of the
/// sheet). Cells are typed as an operator's workbook has them: NIK, KK, phone, RT/RW as text, birth dates
/// as date cells, income and decile as numbers; strings are inline, so no shared-string table grows in memory.
/// </summary>
internal sealed class XlsxWorkerFileWriter : IWorkerFileWriter
{
    private const uint DateStyle = 1; // cellXfs index with number format 14 (the locale's short date)

    private readonly SpreadsheetDocument document;
    private readonly WorkbookPart workbookPart;
    private readonly WorksheetPart worksheetPart;
    private readonly OpenXmlWriter writer;
    private readonly string[] columnLetters;
    private uint rowIndex;
    private bool finished;

    public XlsxWorkerFileWriter(string path, int columnCount)
    {
        columnLetters = Enumerable.Range(0, columnCount).Select(ColumnLetter).ToArray();
        document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        workbookPart = document.AddWorkbookPart();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
        styles.Stylesheet.Save();

        worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
        writer = OpenXmlWriter.Create(worksheetPart);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
    }

    public void WriteHeader(IReadOnlyList<string> headers) =>
        WriteCells(headers.Select(h => new FieldValue(h)).ToArray());

    public void WriteRow(WorkerRow row) => WriteCells(row.Values);

    public void Dispose()
    {
        if (!finished)
        {
            finished = true;
            writer.WriteEndElement(); // sheetData
            writer.WriteEndElement(); // worksheet
            writer.Close();
            workbookPart.Workbook = new Workbook(new Sheets(new Sheet
            {
                Name = "Pekerja",
                SheetId = 1,
                Id = workbookPart.GetIdOfPart(worksheetPart),
            }));
            workbookPart.Workbook.Save();
        }

        document.Dispose();
    }

    private void WriteCells(FieldValue[] values)
    {
        rowIndex++;
        var rowNumber = rowIndex.ToString(CultureInfo.InvariantCulture);
        writer.WriteStartElement(new Row { RowIndex = rowIndex });
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (value.Text.Length == 0 && value.Kind == CellKind.Text)
            {
                continue; // an empty cell is absent, as Excel saves it
            }

            var cell = new Cell { CellReference = columnLetters[i] + rowNumber };
            switch (value.Kind)
            {
                case CellKind.Date:
                    cell.StyleIndex = DateStyle;
                    cell.CellValue = new CellValue(value.Number.ToString("R", CultureInfo.InvariantCulture));
                    break;
                case CellKind.Number:
                    cell.CellValue = new CellValue(value.Number.ToString("R", CultureInfo.InvariantCulture));
                    break;
                case CellKind.Formula:
                    cell.DataType = CellValues.String;
                    cell.CellFormula = new CellFormula(value.Formula!);
                    cell.CellValue = new CellValue(EscapeXstring(value.Cached ?? ""));
                    break;
                default:
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text(EscapeXstring(value.Text)) { Space = SpaceProcessingModeValues.Preserve });
                    break;
            }

            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    /// <summary>
    /// XML cannot carry most control characters; OOXML strings (ST_Xstring) write them as <c>_xHHHH_</c>,
    /// which is how Excel saves a control character pasted into a cell. A literal "_x" is escaped likewise.
    /// </summary>
    private static string EscapeXstring(string text)
    {
        if (!text.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r') || c == '\u007F') && !text.Contains("_x", StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\u007F')
            {
                sb.Append(CultureInfo.InvariantCulture, $"_x{(int)c:X4}_");
            }
            else if (c == '_' && i + 1 < text.Length && text[i + 1] == 'x')
            {
                sb.Append("_x005F_");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string ColumnLetter(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnLetter(index / 26 - 1) + (char)('A' + index % 26);
}
