using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Payung.Bench.WorkerGenerator;

/// <summary>
/// A one-sheet workbook whose sheet is written with <see cref="OpenXmlWriter"/> straight into a zip entry.
/// The package is assembled here rather than with <c>SpreadsheetDocument</c>: the SDK (2.20, the version this
/// feed serves) insists on a read-write package, and System.IO.Packaging then keeps every part in memory until
/// the end (about 450 MB for 100,000 rows); a zip in create mode streams. Cells are typed as an operator's
/// workbook has them: NIK, KK, phone, RT/RW as text, birth dates as date cells, income and decile as numbers.
/// Text goes to a shared-string table as Excel saves it (the table, not the rows, is held until the end and
/// written last), or with <c>inlineStrings</c> into the cells themselves, as streaming writers do.
/// </summary>
internal sealed class XlsxWorkerFileWriter : IWorkerFileWriter
{
    private const uint DateStyle = 1; // cellXfs index with number format 14 (the locale's short date)

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{0}</Types>
        """;

    private const string SharedStringsContentType =
        """<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>""";

    private const string PackageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private const string Workbook = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Pekerja" sheetId="1" r:id="rId1"/></sheets></workbook>
        """;

    private const string WorkbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>{0}</Relationships>
        """;

    private const string SharedStringsRelationship =
        """<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""";

    private const string Styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>
        """;

    private readonly ZipArchive zip;
    private readonly Stream sheetStream;
    private readonly OpenXmlWriter writer;
    private readonly string[] columnLetters;
    private readonly Dictionary<string, int>? sharedIndex;
    private readonly List<string>? sharedStrings;
    private long sharedReferences;
    private uint rowIndex;
    private bool finished;

    public XlsxWorkerFileWriter(string path, int columnCount, bool inlineStrings)
    {
        columnLetters = Enumerable.Range(0, columnCount).Select(ColumnLetter).ToArray();
        if (!inlineStrings)
        {
            sharedIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            sharedStrings = [];
        }

        zip = new ZipArchive(
            new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), ZipArchiveMode.Create, leaveOpen: false);
        AddText("[Content_Types].xml", string.Format(CultureInfo.InvariantCulture, ContentTypes, inlineStrings ? "" : SharedStringsContentType));
        AddText("_rels/.rels", PackageRelationships);
        AddText("xl/workbook.xml", Workbook);
        AddText("xl/_rels/workbook.xml.rels",
            string.Format(CultureInfo.InvariantCulture, WorkbookRelationships, inlineStrings ? "" : SharedStringsRelationship));
        AddText("xl/styles.xml", Styles);

        sheetStream = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        writer = OpenXmlWriter.Create(sheetStream);
        writer.WriteStartDocument(true);
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
            sheetStream.Dispose();
            if (sharedStrings is not null)
            {
                WriteSharedStrings(sharedStrings);
            }
        }

        zip.Dispose();
    }

    private void WriteSharedStrings(List<string> strings)
    {
        using var stream = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open();
        using var sst = OpenXmlWriter.Create(stream);
        sst.WriteStartDocument(true);
        sst.WriteStartElement(new SharedStringTable
        {
            Count = (uint)sharedReferences,
            UniqueCount = (uint)strings.Count,
        });
        foreach (var text in strings)
        {
            sst.WriteElement(new SharedStringItem(new Text(EscapeXstring(text)) { Space = SpaceProcessingModeValues.Preserve }));
        }

        sst.WriteEndElement();
        sst.Close();
    }

    private int SharedStringIndex(string text)
    {
        sharedReferences++;
        if (!sharedIndex!.TryGetValue(text, out var index))
        {
            index = sharedStrings!.Count;
            sharedStrings.Add(text);
            sharedIndex[text] = index;
        }

        return index;
    }

    private void AddText(string entryName, string xml)
    {
        using var stream = zip.CreateEntry(entryName, CompressionLevel.Fastest).Open();
        var bytes = new UTF8Encoding(false).GetBytes(xml.Trim());
        stream.Write(bytes);
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
                case CellKind.Text when sharedIndex is not null:
                    cell.DataType = CellValues.SharedString;
                    cell.CellValue = new CellValue(SharedStringIndex(value.Text).ToString(CultureInfo.InvariantCulture));
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
        if (!text.Any(NeedsEscape) && !text.Contains("_x", StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (NeedsEscape(c))
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

    private static bool NeedsEscape(char c) => (c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\u007F';

    private static string ColumnLetter(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnLetter(index / 26 - 1) + (char)('A' + index % 26);
}
