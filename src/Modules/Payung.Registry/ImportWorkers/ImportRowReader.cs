namespace Payung.Registry.ImportWorkers;

/// <summary>
/// The data rows of an import file, streamed and cleaned: the header row is mapped, every later row that
/// has any value in a known column becomes a <see cref="StagedRow"/>. Refuses the file (an
/// <see cref="ImportRefusedException"/>) when it is not a spreadsheet, lacks headers, has no data row or
/// more rows than allowed.
/// </summary>
internal sealed class ImportRowReader : SheetRowSource
{
    private ImportRowReader(ISheetReader sheet, ImportLimits limits, ImportHeaderMap headers, int headerRow)
        : base(sheet, limits)
    {
        Headers = headers;
        HeaderRow = headerRow;
    }

    public ImportHeaderMap Headers { get; }

    public override IReadOnlyList<string> IgnoredHeaders => Headers.Ignored;

    public int HeaderRow { get; }

    public StagedRow Current { get; } = new();

    public static ImportRowReader Open(ImportFormat format, Stream stream, ImportLimits limits, bool villageDefaulted) =>
        Open(format, stream, limits, sheet => new ImportRowReader(sheet, limits, ImportHeaderMap.Create(sheet.Cells.ToArray(), villageDefaulted), sheet.RowNumber));

    /// <summary>Copies the mapped cells of the sheet's current row; false when none of them has a value.</summary>
    protected override bool Fill()
    {
        var row = Current;
        row.RowNumber = Sheet.RowNumber;
        row.Flags.Clear();
        var cells = Sheet.Cells;
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

        return Cleaner.Clean(cell, column.Header, flags);
    }
}
