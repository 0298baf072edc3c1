using System.Security.Cryptography;

namespace Payung.Infrastructure.Spreadsheets;

/// <summary>What an accepted file is: its format, data rows (when counted), headers ignored, identity.</summary>
public sealed record ImportFileInfo(ImportFormat Format, int? Rows, IReadOnlyList<string> IgnoredHeaders, string Sha256, long Size);

/// <summary>The data rows of an import file as an import reads them (its header row already mapped).</summary>
public interface ISheetRowSource : IDisposable
{
    /// <summary>Moves to the next data row; false at the end. Throws <see cref="ImportRefusedException"/> past the row limit.</summary>
    bool Read();

    /// <summary>Data rows read so far.</summary>
    int Rows { get; }

    /// <summary>Headers of the file that map to no column: reported, never an error.</summary>
    IReadOnlyList<string> IgnoredHeaders { get; }
}

/// <summary>
/// The checks every import file passes before any job or row exists — size, kind (by content, not by name), the
/// zip-bomb and header checks of the readers, at least one data row and, when <c>countRows</c>, the row limit —
/// and the sheet reader for a format. A refused file throws <see cref="ImportRefusedException"/> with a stable code.
/// </summary>
public static class SpreadsheetFile
{
    public static ISheetReader OpenSheet(ImportFormat format, Stream stream, ImportLimits limits) =>
        format == ImportFormat.Xlsx ? new XlsxSheetReader(stream, limits) : new CsvSheetReader(stream);

    /// <summary>
    /// Inspects a seekable stream (rewound afterwards) through the import's own row source, which maps the headers
    /// and applies the row limit.
    /// </summary>
    public static ImportFileInfo Inspect(Stream stream, ImportLimits limits, Func<ImportFormat, Stream, ISheetRowSource> open, bool countRows)
    {
        var format = CheckSizeAndFormat(stream, limits);
        var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        stream.Position = 0;
        int? rows = null;
        IReadOnlyList<string> ignored;
        using (var reader = open(format, stream))
        {
            ignored = reader.IgnoredHeaders;
            if (!reader.Read())
            {
                throw ImportRefusedException.Empty();
            }

            if (countRows)
            {
                while (reader.Read())
                {
                }

                rows = reader.Rows;
            }
        }

        stream.Position = 0;
        return new ImportFileInfo(format, rows, ignored, sha, stream.Length);
    }

    /// <summary>
    /// Refuses a file that is too large or empty before reading it, then tells an xlsx from a CSV by its content
    /// (<see cref="DetectFormat"/>). The stream is left at its start.
    /// </summary>
    public static ImportFormat CheckSizeAndFormat(Stream stream, ImportLimits limits)
    {
        if (stream.Length > limits.MaxBytes)
        {
            throw ImportRefusedException.TooLarge(limits.MaxBytes);
        }

        if (stream.Length == 0)
        {
            throw ImportRefusedException.Empty();
        }

        return DetectFormat(stream);
    }

    /// <summary>An xlsx is a zip; a CSV is text. Everything else is refused by its first bytes.</summary>
    public static ImportFormat DetectFormat(Stream stream)
    {
        stream.Position = 0;
        Span<byte> head = stackalloc byte[4096];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        stream.Position = 0;
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return ImportFormat.Xlsx;
        }

        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            throw ImportRefusedException.NotASpreadsheet("Format .xls lama tidak didukung; simpan ulang sebagai .xlsx atau CSV UTF-8.");
        }

        // Text has no NUL bytes (unless it is UTF-16, which the CSV reader decodes by its BOM). Text that is not
        // UTF-8 is refused by the CSV reader with import.not_utf8, which tells the operator how to save it.
        var utf16 = head.StartsWith(new byte[] { 0xFF, 0xFE }) || head.StartsWith(new byte[] { 0xFE, 0xFF });
        if (!utf16 && head.Contains((byte)0))
        {
            throw ImportRefusedException.NotASpreadsheet("Isi berkas bukan teks CSV maupun buku kerja .xlsx.");
        }

        return ImportFormat.Csv;
    }
}
