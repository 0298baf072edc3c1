namespace Payung.Infrastructure.Spreadsheets;

/// <summary>
/// Rows of the first sheet of an import file, streamed: one row in memory at a time. Row numbers are the
/// spreadsheet's (the header is usually row 1), so an operator finds the row the import talks about.
/// </summary>
public interface ISheetReader : IDisposable
{
    /// <summary>Moves to the next row that has any cell; false at the end of the sheet.</summary>
    bool Read();

    int RowNumber { get; }

    /// <summary>The cells of the current row by column index (missing cells are <see cref="SheetCell.Empty"/>).</summary>
    IReadOnlyList<SheetCell> Cells { get; }

    /// <summary>How far into the file the reader is, for progress: bytes read of <see cref="Length"/>.</summary>
    long Position { get; }

    long Length { get; }
}
