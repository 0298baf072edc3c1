using Payung.Infrastructure.Spreadsheets;
using Payung.Registry.Contracts;

namespace Payung.Programs.EnrollByNik;

/// <summary>
/// Enrols the workers of an uploaded NIK list (.xlsx or UTF-8 .csv with a "NIK" column). The file is read whole
/// before anything changes: a refused file (not a spreadsheet, no NIK header, empty, too large, too many rows,
/// formulas, NIKs stored as numbers) is a refusal with the import's stable code and changes nothing. Then every row
/// gets its verdict from <see cref="EnrollWorkersByNik"/>.
/// </summary>
public sealed class EnrollFromFile(EnrollWorkersByNik enrollByNik)
{
    /// <summary>One request enrols at most as many workers as <see cref="EnrollWorkers.EnrollWorkers"/> takes at once.</summary>
    public static readonly ImportLimits Limits = new(2L * 1024 * 1024, EnrollWorkers.EnrollWorkers.MaxWorkerIds, 64L * 1024 * 1024);

    public async Task<Outcome<EnrollByNikResponse>> ExecuteAsync(Guid programmeId, byte[] content, CancellationToken ct,
        string? membershipStart = null)
    {
        IReadOnlyList<NikListRow> rows;
        try
        {
            rows = ReadNikList.Run(new MemoryStream(content, writable: false), Limits);
        }
        catch (ImportRefusedException e)
        {
            return Refused(e);
        }

        return await enrollByNik.ExecuteAsync(programmeId, rows, ct, membershipStart);
    }

    public static Refusal Refused(ImportRefusedException e) =>
        new(e.Status, e.Code, e.Message, e.Detail, null,
            e.Data["missing"] is List<string> missing ? new Dictionary<string, object?> { ["missing"] = missing } : null);
}
