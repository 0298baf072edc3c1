using Npgsql;
using Payung.Shared;

namespace Payung.Billing.CheckProtection;

/// <summary>One version of the protection rules (<c>billing.protection_rule</c>): due day, lapse months, arrears setting.</summary>
internal sealed record ProtectionRule(
    string Version, ContributionMonth From, ContributionMonth? To, int DueDay, int LapseMonths, bool ArrearsMonthProtected)
{
    /// <summary>The month's due date: the due day, moved to the next working day of <paramref name="calendar"/>. The only due-date formula.</summary>
    public DateOnly DueDate(ContributionMonth month, WorkingCalendar calendar) => calendar.DueDate(month, DueDay);

    /// <summary>Every version, oldest first; <see cref="ReadAsync"/> reads the rows.</summary>
    public const string SelectAll = """
        select version, effective_from, effective_to, due_day, lapse_months, arrears_month_protected
          from billing.protection_rule order by effective_from
        """;

    public static async Task<IReadOnlyList<ProtectionRule>> ReadAllAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(SelectAll, conn);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await ReadAsync(r, ct);
    }

    /// <summary>The rows of <see cref="SelectAll"/> from the reader's current result.</summary>
    public static async Task<IReadOnlyList<ProtectionRule>> ReadAsync(NpgsqlDataReader r, CancellationToken ct)
    {
        var rules = new List<ProtectionRule>();
        while (await r.ReadAsync(ct))
        {
            rules.Add(new ProtectionRule(r.GetString(0), ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(1)),
                r.IsDBNull(2) ? null : ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(2)),
                r.GetInt16(3), r.GetInt16(4), r.GetBoolean(5)));
        }

        return rules;
    }

    public static ProtectionRule? For(IReadOnlyList<ProtectionRule> rules, ContributionMonth month) =>
        rules.LastOrDefault(r => r.From <= month && (r.To is null || month <= r.To));
}
