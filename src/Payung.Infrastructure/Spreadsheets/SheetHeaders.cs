using System.Text;

namespace Payung.Infrastructure.Spreadsheets;

/// <summary>One column an import knows: its header in the template, whether the file must have it, other spellings accepted.</summary>
public sealed record SheetColumn(string Header, bool Required, IReadOnlyList<string> Aliases);

/// <summary>
/// Which column of the file holds which of an import's columns, from the header row. Headers match case-, space- and
/// punctuation-insensitively ("No. KK", "no_kk" and "NO KK" are one header). A missing required header
/// (<c>import.headers_missing</c>, with the list in <c>Data["missing"]</c>) or one column named twice
/// (<c>import.headers_duplicate</c>) refuses the whole file; unknown headers are ignored and reported, except the
/// known extras (the error workbook's own columns, a row-number column), which are skipped silently.
/// </summary>
public sealed class SheetHeaders
{
    private readonly int[] columns;

    private SheetHeaders(int[] columns, IReadOnlyList<string> ignored)
    {
        this.columns = columns;
        Ignored = ignored;
    }

    public IReadOnlyList<string> Ignored { get; }

    /// <summary>The file's column index of the import's column number <paramref name="column"/>, or -1 when the file lacks it.</summary>
    public int ColumnOf(int column) => columns[column];

    public static SheetHeaders Map(IReadOnlyList<SheetCell> header, IReadOnlyList<SheetColumn> known, IEnumerable<string> extras)
    {
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < known.Count; c++)
        {
            foreach (var name in known[c].Aliases.Append(known[c].Header))
            {
                byKey[Key(name)] = c;
            }
        }

        var extraKeys = extras.Select(Key).ToHashSet(StringComparer.Ordinal);
        var columns = Enumerable.Repeat(-1, known.Count).ToArray();
        var ignored = new List<string>();
        var twice = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var text = header[i].Text?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var key = Key(text);
            if (byKey.TryGetValue(key, out var column))
            {
                if (columns[column] >= 0)
                {
                    twice.Add(text);
                }

                columns[column] = i;
            }
            else if (!extraKeys.Contains(key))
            {
                ignored.Add(text.Length > 60 ? text[..60] : text);
            }
        }

        if (twice.Count > 0)
        {
            throw new ImportRefusedException("import.headers_duplicate", "Ada judul kolom yang muncul dua kali.", 422,
                $"Kolom ganda: {string.Join(", ", twice)}.");
        }

        var missing = known.Where((c, i) => c.Required && columns[i] < 0).Select(c => c.Header).ToList();
        if (missing.Count > 0)
        {
            throw new ImportRefusedException("import.headers_missing", "Judul kolom wajib tidak ditemukan pada baris pertama.", 422,
                $"Kolom yang belum ada: {string.Join(", ", missing)}. Unduh templat untuk melihat judul kolom yang benar.")
            {
                Data = { ["missing"] = missing },
            };
        }

        return new SheetHeaders(columns, ignored);
    }

    /// <summary>Lower-case letters and digits only: "No. KK " → "nokk".</summary>
    public static string Key(string header)
    {
        var sb = new StringBuilder(header.Length);
        foreach (var ch in header)
        {
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
        }

        return sb.ToString();
    }
}
