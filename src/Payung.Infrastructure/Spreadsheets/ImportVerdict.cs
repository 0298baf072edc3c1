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
}
