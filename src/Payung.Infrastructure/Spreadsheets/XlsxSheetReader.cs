using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Payung.Infrastructure.Spreadsheets;

/// <summary>
/// The first worksheet of an .xlsx, streamed with an XmlReader straight from the zip. A reader of our own
/// rather than a library because the import must see what a library hides: whether a cell holds a formula
/// (refused, whatever its cached value) and whether a NIK was stored as a number (refused: Excel keeps only
/// 15 significant digits, so the 16th is already lost). Before any XML is read the zip is checked: declared
/// sizes and ratios first, and every part is then inflated through a counter that stops at the limit, so a
/// zip that lies about its sizes is caught too. DTDs are refused (no entity expansion).
/// </summary>
public sealed class XlsxSheetReader : ISheetReader
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const int MaxSharedStringChars = 64 * 1024 * 1024;
    private const int MaxColumns = 512;

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly Stream stream;
    private readonly ZipArchive zip;
    private readonly List<string> sharedStrings = [];
    private readonly HashSet<int> dateStyles = [];
    private readonly List<SheetCell> cells = [];
    private readonly XmlReader sheet;
    private readonly long maxUnpacked;
    private readonly bool date1904;
    private long unpacked;

    public XlsxSheetReader(Stream stream, ImportLimits limits)
    {
        this.stream = stream;
        maxUnpacked = limits.MaxUnpackedBytes;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw ImportRefusedException.NotASpreadsheet("Berkas .xlsx rusak: bukan arsip zip yang utuh.", e);
        }

        CheckDeclaredSizes(limits);
        try
        {
            var workbook = zip.GetEntry("xl/workbook.xml")
                ?? throw ImportRefusedException.NotASpreadsheet("Arsip ini bukan buku kerja Excel (xl/workbook.xml tidak ada).");
            var (sheetRelId, is1904) = ReadWorkbook(workbook);
            date1904 = is1904;
            var targets = ReadRelationships();
            var sheetPath = sheetRelId is not null && targets.TryGetValue(sheetRelId, out var t) ? t.Target : null;
            var sheetEntry = (sheetPath is null ? null : zip.GetEntry(sheetPath))
                ?? throw ImportRefusedException.NotASpreadsheet("Buku kerja ini tidak berisi lembar kerja.");
            if (targets.Values.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)) is { Target: { } ssPath }
                && zip.GetEntry(ssPath) is { } ssEntry)
            {
                ReadSharedStrings(ssEntry);
            }

            if (targets.Values.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)) is { Target: { } stPath }
                && zip.GetEntry(stPath) is { } stEntry)
            {
                ReadStyles(stEntry);
            }

            sheet = Open(sheetEntry);
            Length = sheetEntry.Length;
        }
        catch (XmlException e)
        {
            throw ImportRefusedException.NotASpreadsheet($"Isi buku kerja tidak dapat dibaca: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            throw ImportRefusedException.NotASpreadsheet("Berkas .xlsx rusak.", e);
        }
    }

    public int RowNumber { get; private set; }

    public IReadOnlyList<SheetCell> Cells => cells;

    /// <summary>Progress is measured in unpacked bytes of the sheet.</summary>
    public long Position => sheetBytes?.Count ?? 0;

    public long Length { get; }

    private CountingStream? sheetBytes;

    public bool Read()
    {
        try
        {
            while (sheet.Read())
            {
                if (sheet.NodeType == XmlNodeType.Element && sheet.LocalName == "row" && sheet.NamespaceURI == MainNs)
                {
                    RowNumber = int.TryParse(sheet.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : RowNumber + 1;
                    if (ReadRow())
                    {
                        return true;
                    }
                }
            }

            return false;
        }
        catch (XmlException e)
        {
            throw ImportRefusedException.NotASpreadsheet($"Lembar kerja rusak di sekitar baris {RowNumber}: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            throw ImportRefusedException.NotASpreadsheet("Berkas .xlsx rusak.", e);
        }
    }

    private bool ReadRow()
    {
        cells.Clear();
        if (sheet.IsEmptyElement)
        {
            return false;
        }

        var any = false;
        var depth = sheet.Depth;
        while (sheet.Read() && !(sheet.NodeType == XmlNodeType.EndElement && sheet.Depth == depth))
        {
            if (sheet.NodeType != XmlNodeType.Element || sheet.LocalName != "c")
            {
                continue;
            }

            var column = ColumnIndex(sheet.GetAttribute("r")) ?? cells.Count;
            if (column >= MaxColumns)
            {
                throw ImportRefusedException.NotASpreadsheet($"Baris {RowNumber} berisi lebih dari {MaxColumns} kolom.");
            }

            var cell = ReadCell();
            while (cells.Count <= column)
            {
                cells.Add(SheetCell.Empty);
            }

            cells[column] = cell;
            any |= cell.Kind != SheetCellKind.Empty;
        }

        return any;
    }

    private SheetCell ReadCell()
    {
        var type = sheet.GetAttribute("t");
        var style = int.TryParse(sheet.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (sheet.IsEmptyElement)
        {
            return SheetCell.Empty;
        }

        string? value = null;
        string? inline = null;
        var formula = false;
        var depth = sheet.Depth;
        sheet.Read();
        while (!sheet.EOF && !(sheet.NodeType == XmlNodeType.EndElement && sheet.Depth == depth))
        {
            if (sheet.NodeType == XmlNodeType.Element)
            {
                switch (sheet.LocalName)
                {
                    case "f":
                        formula = true;
                        sheet.Skip();
                        continue;
                    case "v":
                        value = sheet.ReadElementContentAsString();
                        continue;
                    case "is":
                        inline = ReadRichText(sheet);
                        sheet.Read();
                        continue;
                    default:
                        sheet.Skip();
                        continue;
                }
            }

            sheet.Read();
        }

        var text = type switch
        {
            "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < sharedStrings.Count ? sharedStrings[i] : null,
            "inlineStr" => inline,
            "b" => value == "1" ? "TRUE" : value is null ? null : "FALSE",
            "str" or "e" => value,
            "d" => value is { Length: >= 10 } ? value[..10] : value,
            _ => value,
        };
        var kind = formula ? SheetCellKind.Formula
            : type is null or "n" && text is not null ? SheetCellKind.Number
            : string.IsNullOrEmpty(text) ? SheetCellKind.Empty
            : SheetCellKind.Text;
        if (kind == SheetCellKind.Number)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return new SheetCell(SheetCellKind.Text, text);
            }

            if (dateStyles.Contains(style) && SerialToDate(number) is { } date)
            {
                return new SheetCell(SheetCellKind.Date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            return new SheetCell(SheetCellKind.Number, FormatNumber(number));
        }

        return new SheetCell(kind, text);
    }

    /// <summary>Whole numbers as digits (an RT of 3, an income of 1500000); others in round-trip notation.</summary>
    private static string FormatNumber(double number) =>
        Math.Abs(number) < 1e15 && number == Math.Floor(number)
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);

    private DateOnly? SerialToDate(double serial)
    {
        if (serial < 1 || serial > 2958465)
        {
            return null;
        }

        var days = (int)Math.Floor(serial);
        if (date1904)
        {
            return DateOnly.FromDateTime(new DateTime(1904, 1, 1).AddDays(days));
        }

        // Excel's 1900 system counts the non-existent 29 February 1900 (serial 60).
        return days < 60
            ? DateOnly.FromDateTime(new DateTime(1899, 12, 31).AddDays(days))
            : DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays(days));
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z')
            {
                index = index * 26 + (ch - 'A' + 1);
                if (++letters > 3)
                {
                    return null;
                }
            }
            else
            {
                break;
            }
        }

        return letters == 0 ? null : index - 1;
    }

    private void CheckDeclaredSizes(ImportLimits limits)
    {
        if (zip.Entries.Count > 10_000)
        {
            throw ImportRefusedException.ZipBomb($"Arsip berisi {zip.Entries.Count} bagian.");
        }

        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (entry.Length > 1024 * 1024 && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
            {
                throw ImportRefusedException.ZipBomb(
                    $"Bagian {entry.FullName} mengembang {entry.Length / Math.Max(entry.CompressedLength, 1)}× (batas {limits.MaxCompressionRatio}×).");
            }
        }

        if (total > limits.MaxUnpackedBytes)
        {
            throw ImportRefusedException.ZipBomb($"Isi arsip {total / (1024 * 1024)} MB setelah dibuka (batas {limits.MaxUnpackedBytes / (1024 * 1024)} MB).");
        }
    }

    private XmlReader Open(ZipArchiveEntry entry)
    {
        var counted = new CountingStream(entry.Open(), entry.Length, this);
        if (entry.FullName.Contains("worksheets", StringComparison.Ordinal))
        {
            sheetBytes = counted;
        }

        return XmlReader.Create(counted, XmlSettings);
    }

    private (string? SheetRelId, bool Date1904) ReadWorkbook(ZipArchiveEntry entry)
    {
        using var xml = Open(entry);
        string? relId = null;
        var is1904 = false;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "workbookPr")
            {
                is1904 = xml.GetAttribute("date1904") is "1" or "true";
            }
            else if (xml.LocalName == "sheet" && relId is null)
            {
                relId = xml.GetAttribute("id", RelNs);
            }
        }

        return (relId, is1904);
    }

    private Dictionary<string, (string Target, string Type)> ReadRelationships()
    {
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } entry)
        {
            return result;
        }

        using var xml = Open(entry);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship"
                && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target)
            {
                var path = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                result[id] = (path, xml.GetAttribute("Type") ?? "");
            }
        }

        return result;
    }

    private void ReadSharedStrings(ZipArchiveEntry entry)
    {
        using var xml = Open(entry);
        long chars = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                var text = ReadRichText(xml);
                chars += text.Length;
                if (chars > MaxSharedStringChars)
                {
                    throw ImportRefusedException.ZipBomb("Teks bersama buku kerja ini terlalu besar.");
                }

                sharedStrings.Add(text);
            }
        }
    }

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt;: its &lt;t&gt; runs, without phonetic guides, _xHHHH_ escapes decoded.</summary>
    private static string ReadRichText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            return "";
        }

        var sb = new StringBuilder();
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                sb.Append(xml.ReadElementContentAsString());
                continue;
            }

            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                xml.Skip();
                continue;
            }

            xml.Read();
        }

        return DecodeEscapes(sb.ToString());
    }

    private static string DecodeEscapes(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 6;
            }
            else
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }

    private void ReadStyles(ZipArchiveEntry entry)
    {
        using var xml = Open(entry);
        var customDateFormats = new HashSet<int>();
        var inCellXfs = false;
        var xfIndex = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "numFmt"
                && int.TryParse(xml.GetAttribute("numFmtId"), out var id) && IsDateFormat(xml.GetAttribute("formatCode")))
            {
                customDateFormats.Add(id);
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "cellXfs")
            {
                inCellXfs = !xml.IsEmptyElement;
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }
            else if (inCellXfs && xml.NodeType == XmlNodeType.Element && xml.LocalName == "xf")
            {
                var fmt = int.TryParse(xml.GetAttribute("numFmtId"), out var f) ? f : 0;
                if (fmt is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58) || customDateFormats.Contains(fmt))
                {
                    dateStyles.Add(xfIndex);
                }

                xfIndex++;
            }
        }
    }

    /// <summary>A number format with day, month or year parts outside quotes and brackets ("dd/mm/yyyy", not "0.00").</summary>
    private static bool IsDateFormat(string? code)
    {
        if (code is null)
        {
            return false;
        }

        var quoted = false;
        var bracket = false;
        foreach (var ch in code)
        {
            switch (ch)
            {
                case '"': quoted = !quoted; break;
                case '[' when !quoted: bracket = true; break;
                case ']' when !quoted: bracket = false; break;
                default:
                    if (!quoted && !bracket && char.ToLowerInvariant(ch) is 'd' or 'm' or 'y')
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    public void Dispose()
    {
        sheet?.Dispose();
        zip.Dispose();
    }

    /// <summary>Counts what a part really inflates to and stops at the declared size and the overall limit.</summary>
    private sealed class CountingStream(Stream inner, long declared, XlsxSheetReader owner) : Stream
    {
        public long Count { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

        private int Counted(int read)
        {
            Count += read;
            owner.unpacked += read;
            if (Count > declared + 1024 || owner.unpacked > owner.maxUnpacked)
            {
                throw ImportRefusedException.ZipBomb("Isi arsip lebih besar dari yang dinyatakannya atau dari batas yang diizinkan.");
            }

            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => declared;
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
