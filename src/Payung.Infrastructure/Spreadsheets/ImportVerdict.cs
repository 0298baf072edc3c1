namespace Payung.Infrastructure.Spreadsheets;

/// <summary>What an import did with one row; stored as snake_case text.</summary>
public enum ImportVerdict
{
    Created,
    Updated,
    Unchanged,
    Rejected,
    NeedsReview,
}

public static class ImportVerdicts
{
    public static string ToCode(this ImportVerdict verdict) => verdict switch
    {
        ImportVerdict.Created => "created",
        ImportVerdict.Updated => "updated",
        ImportVerdict.Unchanged => "unchanged",
        ImportVerdict.Rejected => "rejected",
        ImportVerdict.NeedsReview => "needs_review",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    public static bool TryParse(string? code, out ImportVerdict verdict)
    {
        foreach (var v in Enum.GetValues<ImportVerdict>())
        {
            if (v.ToCode() == code)
            {
                verdict = v;
                return true;
            }
        }

        verdict = default;
        return false;
    }

    public static string Label(this ImportVerdict verdict) => verdict switch
    {
        ImportVerdict.Created => "Baru",
        ImportVerdict.Updated => "Diperbarui",
        ImportVerdict.Unchanged => "Tidak berubah",
        ImportVerdict.Rejected => "Ditolak",
        ImportVerdict.NeedsReview => "Perlu diperiksa",
        _ => verdict.ToString(),
    };

    /// <summary>The Bootstrap badge of a verdict on the result pages.</summary>
    public static string Badge(string verdict) => verdict switch
    {
        "rejected" => "text-bg-danger",
        "needs_review" => "text-bg-warning",
        "created" => "text-bg-success",
        "updated" => "text-bg-info",
        _ => "text-bg-secondary",
    };

    /// <summary>An import job's status as the result pages name it.</summary>
    public static string StatusLabel(string status) => status switch
    {
        "queued" => "Menunggu giliran",
        "running" => "Sedang diproses",
        "succeeded" => "Selesai",
        "failed" => "Gagal",
        "cancelled" => "Dibatalkan",
        _ => status,
    };
}
