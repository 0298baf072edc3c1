using Microsoft.Extensions.Configuration;

namespace Payung.Infrastructure.Spreadsheets;

/// <summary>
/// How much one import may hold. The web takes uploads of up to 20 MB and 100,000 rows by default
/// (<c>Import:Web:MaxBytes</c>, <c>Import:Web:MaxRows</c>); the CLI reads local files of up to 2 GB and
/// 5,000,000 rows (the most populous regencies have a few million informal workers; memory stays
/// bounded because rows are streamed). An xlsx may not unpack to more than
/// <see cref="MaxUnpackedBytes"/> or at a ratio above <see cref="MaxCompressionRatio"/>.
/// </summary>
public sealed record ImportLimits(long MaxBytes, int MaxRows, long MaxUnpackedBytes, int MaxCompressionRatio = 100)
{
    /// <summary>Longer cells are cut and the row rejected: no column of an import needs more.</summary>
    public const int MaxCellLength = 1000;

    public static ImportLimits Web { get; } = new(20L * 1024 * 1024, 100_000, 400L * 1024 * 1024);

    public static ImportLimits Cli { get; } = new(2L * 1024 * 1024 * 1024, 5_000_000, 4L * 1024 * 1024 * 1024);

    public static ImportLimits WebFrom(IConfiguration configuration) => Web with
    {
        MaxBytes = long.TryParse(configuration["Import:Web:MaxBytes"], out var bytes) && bytes > 0 ? bytes : Web.MaxBytes,
        MaxRows = int.TryParse(configuration["Import:Web:MaxRows"], out var rows) && rows > 0 ? rows : Web.MaxRows,
    };
}
