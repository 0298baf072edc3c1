using Payung.Infrastructure.Spreadsheets;

namespace Payung.Billing.ImportStatements;

/// <summary>The statement template: the Indonesian headers in order and one example row to overwrite.</summary>
internal static class StatementTemplate
{
    public const string FileName = "templat-impor-iuran.xlsx";

    public static IReadOnlyList<double> Widths { get; } = StatementColumns.All.Select(c => c.Field switch
    {
        StatementField.Nik => 20d,
        StatementField.Kpj or StatementField.Reference => 16d,
        _ => 13d,
    }).ToList();

    public static Task WriteAsync(Stream output, CancellationToken ct) =>
        ImportWorkbook.WriteAsync(output, "Iuran", StatementColumns.All.Select(c => c.Header).ToList(), Widths,
            Example(), ct);

    private static async IAsyncEnumerable<IReadOnlyList<string?>> Example()
    {
        await Task.CompletedTask;
        yield return StatementColumns.All.Select(c => (string?)c.Example).ToList();
    }
}
