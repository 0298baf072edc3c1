using System.Text;
using Payung.Registry.Contracts;

namespace Payung.Registry.ImportWorkers;

/// <summary>
/// The data rows of an import file, streamed and cleaned: the header row is mapped, every later row that
/// has any value in a known column becomes a <see cref="StagedRow"/>. Refuses the file (an
/// <see cref="ImportRefusedException"/>) when it is not a spreadsheet, lacks headers, has no data row or
/// more rows than allowed.
/// </summary>
internal sealed class ImportRowReader : IDisposable
{
    private readonly ISheetReader sheet;
    private readonly ImportLimits limits;
    private readonly StringBuilder cleaned = new();

    private ImportRowReader(ISheetReader sheet, ImportLimits limits, ImportHeaderMap headers, int headerRow)
    {
        this.sheet = sheet;
        this.limits = limits;
        Headers = headers;
        HeaderRow = headerRow;
    }

    public ImportHeaderMap Headers { get; }

    public int HeaderRow { get; }

    public StagedRow Current { get; } = new();

    /// <summary>Data rows read so far.</summary>
    public int Rows { get; private set; }

    public long Position => sheet.Position;

    public long Length => sheet.Length;

    public static ImportRowReader Open(ImportFormat format, Stream stream, ImportLimits limits, bool villageDefaulted)
    {
        var sheet = ISheetReader.Open(format, stream, limits);
        try
        {
            if (!sheet.Read())
            {
                throw ImportRefusedException.Empty();
            }

            var headers = ImportHeaderMap.Create(sheet.Cells.ToArray(), villageDefaulted);
            return new ImportRowReader(sheet, limits, headers, sheet.RowNumber);
        }
        catch
        {
            sheet.Dispose();
            throw;
        }
    }

    public bool Read()
    {
        while (sheet.Read())
        {
            if (!Fill())
            {
                continue;
            }

            if (++Rows > limits.MaxRows)
            {
                throw ImportRefusedException.TooManyRows(limits.MaxRows);
            }

            return true;
        }

        return false;
    }

    /// <summary>Copies the mapped cells of the sheet's current row; false when none of them has a value.</summary>
    private bool Fill()
    {
        var row = Current;
        row.RowNumber = sheet.RowNumber;
        row.Flags.Clear();
        var cells = sheet.Cells;
        var any = false;
        foreach (var column in ImportColumns.All)
        {
            var index = Headers.ColumnOf(column.Field);
            var cell = index >= 0 && index < cells.Count ? cells[index] : SheetCell.Empty;
            var text = Clean(cell, column, row.Flags);
            row.Text[(int)column.Field] = text;
            any |= text is not null;
        }

        return any;
    }

    private string? Clean(SheetCell cell, ImportColumn column, List<string> flags)
    {
        if (cell.Kind == SheetCellKind.Empty || string.IsNullOrEmpty(cell.Text))
        {
            return null;
        }

        if (cell.Kind == SheetCellKind.Formula)
        {
            flags.Add($"{ImportReasons.FormulaNotAllowed}|{column.Header}");
        }

        if (cell.Kind == SheetCellKind.Number && column.Field is ImportField.Nik or ImportField.Kk)
        {
            flags.Add(column.Field == ImportField.Nik ? ImportReasons.NikExcelFloat : ImportReasons.KkExcelFloat);
        }

        // Whitespace runs (including tabs and line breaks typed into a cell) become one space; other
        // control and invisible formatting characters are replaced and reported, never stored.
        cleaned.Clear();
        var control = false;
        var space = false;
        foreach (var ch in cell.Text)
        {
            if (ch is ' ' or '\t' or '\r' or '\n' or '\u00A0')
            {
                space = cleaned.Length > 0;
                continue;
            }

            if (space)
            {
                cleaned.Append(' ');
                space = false;
            }

            if (IsControl(ch))
            {
                control = true;
                cleaned.Append('\uFFFD');
            }
            else
            {
                cleaned.Append(ch);
            }
        }

        if (control)
        {
            flags.Add($"{ImportReasons.ControlCharacter}|{column.Header}");
        }

        if (cleaned.Length > ImportLimits.MaxCellLength)
        {
            cleaned.Length = ImportLimits.MaxCellLength;
            flags.Add($"{ImportReasons.CellTooLong}|{column.Header}");
        }

        if (cleaned.Length == 0 || (cleaned.Length == 1 && cleaned[0] == '-'))
        {
            return null; // "-" is how many lists write "nothing"
        }

        var text = cleaned.ToString();
        if (cell.Kind != SheetCellKind.Formula && SheetCell.LooksLikeFormula(text))
        {
            flags.Add($"{ImportReasons.FormulaNotAllowed}|{column.Header}");
        }

        return text;
    }

    private static bool IsControl(char ch) =>
        char.IsControl(ch)
        || ch is >= '\u200B' and <= '\u200F' // zero-width characters and direction marks
        || ch is >= '\u202A' and <= '\u202E' // bidirectional embeddings and overrides
        || ch is >= '\u2066' and <= '\u2069' // bidirectional isolates
        || ch == '\uFEFF';

    public void Dispose() => sheet.Dispose();
}
