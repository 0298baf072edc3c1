using Payung.Shared;

namespace Payung.Programs.Rates;

/// <summary>Which rule put a worker's income on the contribution basis.</summary>
internal enum IncomeBasisRule
{
    /// <summary>No income given: the minimum basis, which regional programmes pay for.</summary>
    NotReported,
    BelowMinimum,
    Reported,
    AboveMaximum,
}

/// <summary>
/// The income basis a contribution is computed on and the rule that chose it, so every answer can say which basis
/// it used. Made only by <see cref="IncomeBasisLimit.Place"/>.
/// </summary>
internal sealed record IncomeBasis(Rupiah Amount, IncomeBasisRule Rule, Rupiah? ReportedIncome, string LimitVersion)
{
    /// <summary>The stable code for the API: <c>income.below_minimum</c>, <c>income.reported</c>, …</summary>
    public string Code => CodeOf(Rule);

    /// <summary>The Indonesian sentence for people, naming the amounts.</summary>
    public string Message => Rule switch
    {
        IncomeBasisRule.NotReported => $"Penghasilan tidak diisi: iuran dihitung dari dasar upah terendah {Amount}.",
        IncomeBasisRule.BelowMinimum => $"Penghasilan {ReportedIncome} di bawah dasar upah terendah: iuran dihitung dari dasar upah terendah {Amount}.",
        IncomeBasisRule.AboveMaximum => $"Penghasilan {ReportedIncome} di atas dasar upah tertinggi: iuran dihitung dari dasar upah tertinggi {Amount}.",
        _ => $"Iuran dihitung dari penghasilan yang dilaporkan, {Amount}.",
    };

    public static string CodeOf(IncomeBasisRule rule) => rule switch
    {
        IncomeBasisRule.NotReported => "income.not_reported",
        IncomeBasisRule.BelowMinimum => "income.below_minimum",
        IncomeBasisRule.AboveMaximum => "income.above_maximum",
        _ => "income.reported",
    };
}
