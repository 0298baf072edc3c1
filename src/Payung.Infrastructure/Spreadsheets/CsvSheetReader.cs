using System.Text;

namespace Payung.Infrastructure.Spreadsheets;

/// <summary>
/// A CSV file as a sheet: UTF-8 with or without BOM, fields separated by ';' or ',' (whichever the header
/// line has more of, outside quotes), RFC 4180 quoting, CRLF/LF/CR line ends. A streaming parser of its
/// own keeps memory bounded by one record: a field longer than <see cref="MaxFieldChars"/> (typically a
/// quote never closed) refuses the file instead of swallowing it.
/// </summary>
public sealed class CsvSheetReader : ISheetReader
{
    private const int MaxFieldChars = 64 * 1024;
    private const int MaxColumns = 512;
    private const int BufferChars = 64 * 1024;

    private readonly Stream stream;
    private readonly StreamReader reader;
    private readonly char[] buffer = new char[BufferChars];
    private readonly List<SheetCell> cells = [];
    private readonly StringBuilder field = new();
    private int length;
    private int position;
    private int record;

    public CsvSheetReader(Stream stream)
    {
        this.stream = stream;
        reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, BufferChars, leaveOpen: true);
        Fill();
        Delimiter = DetectDelimiter();
    }

    public char Delimiter { get; }

    public int RowNumber => record;

    public IReadOnlyList<SheetCell> Cells => cells;

    public long Position => stream.CanSeek ? stream.Position : 0;

    public long Length => stream.CanSeek ? stream.Length : 0;

    public bool Read()
    {
        while (true)
        {
            if (position >= length && !Fill())
            {
                return false;
            }

            record++;
            if (ReadRecord())
            {
                return true;
            }
        }
    }

    /// <summary>Reads one record into <see cref="cells"/>; false when it was a blank line.</summary>
    private bool ReadRecord()
    {
        cells.Clear();
        var any = false;
        while (true)
        {
            var (value, endOfRecord) = ReadField();
            if (value.Length > 0)
            {
                any = true;
            }

            if (cells.Count >= MaxColumns)
            {
                throw ImportRefusedException.NotASpreadsheet($"Baris {record} berisi lebih dari {MaxColumns} kolom.");
            }

            cells.Add(value.Length == 0 ? SheetCell.Empty : new SheetCell(SheetCellKind.Text, value));
            if (endOfRecord)
            {
                return any;
            }
        }
    }

    private (string Value, bool EndOfRecord) ReadField()
    {
        field.Clear();
        if (Peek() == '"')
        {
            position++;
            while (true)
            {
                var c = Next();
                if (c < 0)
                {
                    throw ImportRefusedException.NotASpreadsheet($"Baris {record}: tanda kutip (\") tidak ditutup sampai akhir berkas.");
                }

                if (c == '"')
                {
                    if (Peek() == '"')
                    {
                        position++;
                        Append('"');
                        continue;
                    }

                    break;
                }

                Append((char)c);
            }
        }

        // Unquoted text, or whatever follows a closing quote up to the delimiter (kept, as spreadsheets do).
        while (true)
        {
            var c = Next();
            if (c < 0)
            {
                return (field.ToString(), true);
            }

            if (c == Delimiter)
            {
                return (field.ToString(), false);
            }

            if (c == '\n')
            {
                return (field.ToString(), true);
            }

            if (c == '\r')
            {
                if (Peek() == '\n')
                {
                    position++;
                }

                return (field.ToString(), true);
            }

            Append((char)c);
        }
    }

    private void Append(char c)
    {
        if (field.Length >= MaxFieldChars)
        {
            throw ImportRefusedException.NotASpreadsheet(
                $"Baris {record}: satu sel lebih dari {MaxFieldChars} karakter; mungkin ada tanda kutip yang tidak ditutup.");
        }

        field.Append(c);
    }

    private int Peek() => position < length || Fill() ? buffer[position] : -1;

    private int Next() => position < length || Fill() ? buffer[position++] : -1;

    private bool Fill()
    {
        try
        {
            length = reader.Read(buffer, 0, buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw ImportRefusedException.NotUtf8(Math.Max(record, 1));
        }

        position = 0;
        return length > 0;
    }

    /// <summary>';' or ',', whichever the first line has more of outside quotes (';' on a tie: Excel in Indonesian).</summary>
    private char DetectDelimiter()
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
        }

        return commas > semicolons ? ',' : ';';
    }

    public void Dispose() => reader.Dispose();
}
