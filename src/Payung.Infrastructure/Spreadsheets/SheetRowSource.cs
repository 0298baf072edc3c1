namespace Payung.Infrastructure.Spreadsheets;

/// <summary>
/// The data rows of an import file, streamed: the sheet is opened and its header row handed to the import, which maps
/// it; every later row the import's <see cref="Fill"/> finds a value in counts as a data row, up to the row limit
/// (beyond it the file is refused). One row in memory at a time.
/// </summary>
public abstract class SheetRowSource : ISheetRowSource
{
    private readonly ImportLimits limits;

    protected SheetRowSource(ISheetReader sheet, ImportLimits limits)
    {
        Sheet = sheet;
        this.limits = limits;
    }

    protected ISheetReader Sheet { get; }

    protected SheetCellCleaner Cleaner { get; } = new();

    /// <summary>Data rows read so far.</summary>
    public int Rows { get; private set; }

    /// <summary>How far into the file the reader is, for progress: of <see cref="Length"/>.</summary>
    public long Position => Sheet.Position;

    public long Length => Sheet.Length;

    public abstract IReadOnlyList<string> IgnoredHeaders { get; }

    public bool Read()
    {
        while (Sheet.Read())
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
    protected abstract bool Fill();

    /// <summary>
    /// Opens the sheet and moves to its header row (an empty file is refused), then lets <paramref name="create"/> map
    /// the header; the sheet is closed again when anything fails.
    /// </summary>
    protected static T Open<T>(ImportFormat format, Stream stream, ImportLimits limits, Func<ISheetReader, T> create)
    {
        var sheet = SpreadsheetFile.OpenSheet(format, stream, limits);
        try
        {
            if (!sheet.Read())
            {
                throw ImportRefusedException.Empty();
            }

            return create(sheet);
        }
        catch
        {
            sheet.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Sheet.Dispose();
        GC.SuppressFinalize(this);
    }
}
