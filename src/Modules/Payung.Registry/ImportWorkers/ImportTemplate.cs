namespace Payung.Registry.ImportWorkers;

/// <summary>The import template: the Indonesian headers in order and one example row to overwrite.</summary>
internal static class ImportTemplate
{
    public const string FileName = "templat-impor-pekerja.xlsx";

    public static Task WriteAsync(Stream output, CancellationToken ct) =>
        ImportWorkbook.WriteAsync(output, "Pekerja",
            ImportColumns.All.Select(c => c.Header).ToList(),
            Widths,
            Rows(ImportColumns.All.Select(c => (string?)c.Example).ToList()),
            ct);

    public static IReadOnlyList<double> Widths { get; } = ImportColumns.All.Select(c => c.Field switch
    {
        ImportField.Nik or ImportField.Kk => 20d,
        ImportField.FullName or ImportField.Address => 28d,
        ImportField.Rt or ImportField.Rw or ImportField.Sex or ImportField.DtsenDecile => 10d,
        _ => 16d,
    }).ToList();

    private static async IAsyncEnumerable<IReadOnlyList<string?>> Rows(IReadOnlyList<string?> example)
    {
        await Task.CompletedTask;
        yield return example;
    }
}
