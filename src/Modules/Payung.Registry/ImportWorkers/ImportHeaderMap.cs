using Payung.Registry.Contracts;

namespace Payung.Registry.ImportWorkers;

/// <summary>
/// Which column of the file holds which field, from the header row. A missing required header, or one
/// field named twice, refuses the whole file; headers the import does not know are ignored and reported.
/// </summary>
internal sealed class ImportHeaderMap
{
    private readonly int[] columns;

    private ImportHeaderMap(int[] columns, IReadOnlyList<string> ignored)
    {
        this.columns = columns;
        Ignored = ignored;
    }

    public IReadOnlyList<string> Ignored { get; }

    /// <summary>The file's column index of <paramref name="field"/>, or -1 when the file lacks it.</summary>
    public int ColumnOf(ImportField field) => columns[(int)field];

    public bool Has(ImportField field) => columns[(int)field] >= 0;

    public static ImportHeaderMap Create(IReadOnlyList<SheetCell> header, bool villageDefaulted)
    {
        var columns = Enumerable.Repeat(-1, ImportColumns.Count).ToArray();
        var ignored = new List<string>();
        var twice = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var text = header[i].Text?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            if (ImportColumns.Find(text) is { } field)
            {
                if (columns[(int)field] >= 0)
                {
                    twice.Add(text);
                }

                columns[(int)field] = i;
            }
            else if (!ImportColumns.IsKnownExtra(text))
            {
                ignored.Add(text.Length > 60 ? text[..60] : text);
            }
        }

        if (twice.Count > 0)
        {
            throw new ImportRefusedException("import.headers_duplicate", "Ada judul kolom yang muncul dua kali.", 422,
                $"Kolom ganda: {string.Join(", ", twice)}.");
        }

        var missing = ImportColumns.All
            .Where(c => c.Required && columns[(int)c.Field] < 0 && !(c.Field == ImportField.VillageCode && villageDefaulted))
            .Select(c => c.Header)
            .ToList();
        if (missing.Count > 0)
        {
            throw new ImportRefusedException("import.headers_missing", "Judul kolom wajib tidak ditemukan pada baris pertama.", 422,
                $"Kolom yang belum ada: {string.Join(", ", missing)}. Unduh templat untuk melihat judul kolom yang benar.")
            {
                Data = { ["missing"] = missing },
            };
        }

        return new ImportHeaderMap(columns, ignored);
    }
}
