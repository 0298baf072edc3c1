namespace Payung.Registry.ImportWorkers;

/// <summary>
/// The data rows of an import file, streamed and cleaned: the header row is mapped, every later row that
/// has any value in a known column becomes a <see cref="StagedRow"/>. Refuses the file (an
/// <see cref="ImportRefusedException"/>) when it is not a spreadsheet, lacks headers, has no data row or
/// more rows than allowed.
/// </summary>
internal sealed class ImportRowReader : ISheetRowSource
{
    private readonly ISheetReader sheet;
    private readonly ImportLimits limits;
    private readonly SheetCellCleaner cleaner = new();

    private ImportRowReader(ISheetReader sheet, ImportLimits limits, ImportHeaderMap headers, int headerRow)
    {
        this.sheet = sheet;
        this.limits = limits;
        Headers = headers;
        HeaderRow = headerRow;
    }

    public ImportHeaderMap Headers { get; }

    public IReadOnlyList<string> IgnoredHeaders => Headers.Ignored;

    public int HeaderRow { get; }

    public StagedRow Current { get; } = new();

    /// <summary>Data rows read so far.</summary>
    public int Rows { get; private set; }

    public long Position => sheet.Position;

    public long Length => sheet.Length;

    public static ImportRowReader Open(ImportFormat format, Stream stream, ImportLimits limits, bool villageDefaulted)
    {
        var sheet = SpreadsheetFile.OpenSheet(format, stream, limits);
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
        // Excel keeps 15 significant digits: a NIK or KK stored as a number has already lost its last digit.
        if (cell.Kind == SheetCellKind.Number && column.Field is ImportField.Nik or ImportField.Kk)
        {
            flags.Add(column.Field == ImportField.Nik ? ImportReasons.NikExcelFloat : ImportReasons.KkExcelFloat);
        }

        return cleaner.Clean(cell, column.Header, flags);
    }

    public void Dispose() => sheet.Dispose();
}
