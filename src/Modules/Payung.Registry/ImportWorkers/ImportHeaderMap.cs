namespace Payung.Registry.ImportWorkers;

/// <summary>
/// Which column of the file holds which field, from the header row (<see cref="SheetHeaders"/>). A missing required
/// header, or one field named twice, refuses the whole file; headers the import does not know are ignored and reported.
/// </summary>
internal sealed class ImportHeaderMap
{
    private readonly SheetHeaders headers;

    private ImportHeaderMap(SheetHeaders headers) => this.headers = headers;

    public IReadOnlyList<string> Ignored => headers.Ignored;

    /// <summary>The file's column index of <paramref name="field"/>, or -1 when the file lacks it.</summary>
    public int ColumnOf(ImportField field) => headers.ColumnOf((int)field);

    public bool Has(ImportField field) => ColumnOf(field) >= 0;

    public static ImportHeaderMap Create(IReadOnlyList<SheetCell> header, bool villageDefaulted) =>
        new(SheetHeaders.Map(header,
            ImportColumns.All
                .Select(c => new SheetColumn(c.Header, c.Required && !(c.Field == ImportField.VillageCode && villageDefaulted), c.Aliases))
                .ToList(),
            ImportColumns.ExtraHeaders));
}
