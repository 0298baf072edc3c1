using System.Text;

namespace Payung.Bench.WorkerGenerator;

/// <summary>
/// Semicolon-separated UTF-8 (no BOM), CRLF line ends, RFC 4180 quoting — what Excel in an Indonesian locale
/// saves as "CSV (dipisahkan titik koma)". No value holds a line break, so data row N is physical line N + 1.
/// With a reference writer, every row but those repeating an earlier row's NIK text also goes to the file
/// that <c>psql \copy</c> loads into the bare table with a unique NIK index.
/// </summary>
internal sealed class CsvWorkerFileWriter : IWorkerFileWriter
{
    private readonly StreamWriter writer;
    private readonly StreamWriter? reference;
    private readonly char separator;
    private readonly StringBuilder line = new(512);

    public CsvWorkerFileWriter(string path, string? referencePath, char separator)
    {
        this.separator = separator;
        writer = Open(path);
        reference = referencePath is null ? null : Open(referencePath);
    }

    public long ReferenceRows { get; private set; }

    public void WriteHeader(IReadOnlyList<string> headers)
    {
        line.Clear();
        for (var i = 0; i < headers.Count; i++)
        {
            if (i > 0)
            {
                line.Append(separator);
            }

            Append(headers[i]);
        }

        line.Append("\r\n");
        writer.Write(line);
        reference?.Write(line);
    }

    public void WriteRow(WorkerRow row)
    {
        line.Clear();
        var values = row.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                line.Append(separator);
            }

            Append(values[i].Text);
        }

        line.Append("\r\n");
        writer.Write(line);
        if (reference is not null && !row.RepeatsEarlierNikText)
        {
            reference.Write(line);
            ReferenceRows++;
        }
    }

    public void Dispose()
    {
        writer.Dispose();
        reference?.Dispose();
    }

    private static StreamWriter Open(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20), new UTF8Encoding(false), 1 << 16);

    private void Append(string value)
    {
        if (value.AsSpan().IndexOfAny(separator, '"', '\n') < 0 && value.IndexOf('\r') < 0)
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
