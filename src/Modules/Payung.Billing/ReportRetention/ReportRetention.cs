using Npgsql;
using NpgsqlTypes;
using Payung.Billing.HandOverToSelfPaid;
using Payung.Infrastructure.Rules;
using Payung.Shared;

namespace Payung.Billing.ReportRetention;

/// <summary>
/// One horizon of one region: participants alive at the horizon month whose month is past its due date, how many of
/// them paid it themselves (<c>lanjut mandiri</c>) and how many were protected by any payer — themselves, or a later
/// programme that funds or paid the month (<c>terlindungi oleh pembayar mana pun</c>).
/// </summary>
public sealed record RetentionFigure(int Reached, int Paid, decimal? Percent, int Protected, decimal? ProtectedPercent)
{
    public static RetentionFigure Of(int reached, int paid, int protectedByAny) =>
        new(reached, paid, Share(paid, reached), protectedByAny, Share(protectedByAny, reached));

    internal static decimal? Share(int part, int whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);
}

/// <summary>
/// A region's hand-over cohort: <c>Died</c> counts those who died after the programme (left out of every horizon that
/// starts after the death), <c>SixMonths</c> those with at least six fully paid contribution months by any payer — the
/// mark after which BPJS counts a pekerja rentan fully toward its coverage target.
/// </summary>
public sealed record RetentionRow(string RegionCode, string? RegionName, int Participants, RetentionFigure Month1, RetentionFigure Month3,
    RetentionFigure Month6, int Died, int SixMonths, decimal? SixMonthsPercent);

/// <summary>A programme whose months have ended, to choose on the retention page.</summary>
public sealed record EndedProgramme(Guid Id, string Name, string MonthTo);

public sealed record RetentionResponse(string Level, string? Regency, Guid? ProgrammeId, string AsOf, RetentionRow Total,
    IReadOnlyList<RetentionRow> Rows);

/// <summary>
/// "Melanjutkan iuran secara mandiri", counted by what happened to people: of the participants whose subsidy ended with
/// a programme (the hand-over cohort, alive at the programme's end), for the 1st, 3rd and 6th month after the
/// programme's last month, how many paid that month themselves and how many were protected by any payer (a worker a
/// later programme funds again is still protected, not a drop-out), per village, district or regency in the caller's
/// scope. A worker who died before a horizon month is not in that horizon's denominator. A horizon counts for a
/// participant only once its month is past the due day (<c>billing.protection_rule</c>), so a young cohort does not
/// drag the rate down. Beside them, how many died and how many reached BPJS's six paid months. One set-based
/// statement per request.
/// </summary>
public sealed class ReportRetention(NpgsqlDataSource dataSource, CallerContext caller, BusinessCalendar calendar, WorkingCalendarCache workingDays)
{
    /// <summary>Every month with a protection rule up to <paramref name="upTo"/>, with its due date on working days.</summary>
    private async Task<(DateOnly[] Months, DateOnly[] Dues)> DueDatesAsync(NpgsqlConnection conn, ContributionMonth upTo, CancellationToken ct)
    {
        var rules = await CheckProtection.ProtectionRule.ReadAllAsync(conn, ct);
        var days = await workingDays.GetAsync(ct);
        var months = new List<DateOnly>();
        var dues = new List<DateOnly>();
        for (var m = rules.Count == 0 ? upTo.PlusMonths(1) : rules[0].From; m <= upTo; m = m.PlusMonths(1))
        {
            if (CheckProtection.ProtectionRule.For(rules, m) is { } rule)
            {
                months.Add(m.FirstDay);
                dues.Add(rule.DueDate(m, days));
            }
        }

        return (months.ToArray(), dues.ToArray());
    }

    private const string Sql = """
        with prog as (
            select id, month_to from programs.programme_billing
             where status in ('active', 'closed') and month_to < $4 and ($2::uuid is null or id = $2)
        ),
        cohort as (
            select b.worker_id, pr.month_to, b.village_code, b.regency_code, w.death_date,
                   (select count(*) from billing.contribution x
                     where x.worker_id = b.worker_id and x.amount_due > 0 and x.amount_paid >= x.amount_due) >= 6 as six_months
              from prog pr
              join programs.billable_month b on b.programme_id = pr.id and b.month = pr.month_to
              join registry.worker_identity w on w.id = b.worker_id
             where {ends_here}
               and (w.death_date is null or w.death_date > (pr.month_to + interval '1 month' - interval '1 day')::date)
               and ($1::text is null or b.regency_code = $1)
               and {scope}
        ),
        horizon as (
            select c.*, h.n, m.month,
                   -- The month's due date on working days (passed in: the one calendar is computed in one place);
                   -- without a protection rule for the month there is none, so the horizon is not counted.
                   coalesce(d.due < $5, false)
                       and (c.death_date is null or c.death_date >= m.month) as reached,
                   coalesce(x.source = 'self_paid' and x.amount_paid > 0 and x.amount_paid >= x.amount_due, false) as paid,
                   coalesce(x.amount_paid > 0 and x.amount_paid >= x.amount_due, false)
                       or exists (select 1 from programs.billable_month f where f.worker_id = c.worker_id and f.month = m.month) as covered
              from cohort c
             cross join (values (1), (3), (6)) as h (n)
             cross join lateral (select (c.month_to + make_interval(months => h.n))::date as month) m
              left join billing.contribution x on x.worker_id = c.worker_id and x.month = m.month
              left join unnest($6::date[], $7::date[]) as d (month, due) on d.month = m.month
        ),
        grouped as (
            select case $3 when 'village' then village_code when 'district' then left(village_code, 8) else regency_code end as region,
                   count(*) filter (where n = 1) as participants,
                   count(*) filter (where n = 1 and reached) as reached1, count(*) filter (where n = 1 and reached and paid) as paid1,
                   count(*) filter (where n = 1 and reached and covered) as covered1,
                   count(*) filter (where n = 3 and reached) as reached3, count(*) filter (where n = 3 and reached and paid) as paid3,
                   count(*) filter (where n = 3 and reached and covered) as covered3,
                   count(*) filter (where n = 6 and reached) as reached6, count(*) filter (where n = 6 and reached and paid) as paid6,
                   count(*) filter (where n = 6 and reached and covered) as covered6,
                   count(*) filter (where n = 1 and death_date is not null) as died,
                   count(*) filter (where n = 1 and six_months) as six_months
              from horizon
             group by 1
        )
        select g.region, rg.name, g.participants::int, g.reached1::int, g.paid1::int, g.covered1::int, g.reached3::int, g.paid3::int,
               g.covered3::int, g.reached6::int, g.paid6::int, g.covered6::int, g.died::int, g.six_months::int
          from grouped g
          left join regions.region rg on rg.code = g.region
         order by g.region
        """;

    /// <summary>The programmes in the caller's scope (and the regency, when one is given) whose last month is past, newest first.</summary>
    public async Task<IReadOnlyList<EndedProgramme>> EndedProgrammesAsync(string? regency, int limit, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand($"""
            select id, name, month_to from programs.programme_billing
             where status in ('active', 'closed') and month_to < $4 and ($5::text is null or regency_code = $5)
               and {ScopeSql.ProgrammePredicate(1)}
             order by month_to desc, name
             limit $6
            """, conn);
        ScopeSql.AddParameters(cmd, caller.Scope);
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = calendar.CurrentMonth().FirstDay });
        cmd.Parameters.Add(new NpgsqlParameter
        {
            Value = RegionCode.TryParse(regency?.Trim(), out var code) && code.Level == RegionLevel.Regency ? code.Value : DBNull.Value,
            NpgsqlDbType = NpgsqlDbType.Text,
        });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var list = new List<EndedProgramme>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add(new EndedProgramme(r.GetGuid(0), r.GetString(1), ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(2)).ToString()));
        }

        return list;
    }

    public async Task<Outcome<RetentionResponse>> ExecuteAsync(string? regency, Guid? programmeId, string? level, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var chosenLevel = string.IsNullOrWhiteSpace(level) ? "village" : level.Trim().ToLowerInvariant();
        if (chosenLevel is not ("village" or "district" or "regency"))
        {
            errors["level"] = ["Tingkat harus village, district atau regency."];
        }

        string? regencyCode = null;
        if (!string.IsNullOrWhiteSpace(regency))
        {
            if (!RegionCode.TryParse(regency.Trim(), out var parsed) || parsed.Level != RegionLevel.Regency)
            {
                errors["regency"] = ["Kode kabupaten/kota harus berformat PP.RR, misalnya 18.01."];
            }
            else
            {
                regencyCode = parsed.Value;
            }
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        var scope = caller.Scope;
        var today = calendar.Today();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(Sql
            .Replace("{ends_here}", SelfPaidCohort.SubsidyEndsHere("b", "w", "(pr.month_to + interval '1 month')::date"), StringComparison.Ordinal)
            .Replace("{scope}", ScopeSql.Predicate("b.regency_code", "b.village_code", 8), StringComparison.Ordinal), conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)regencyCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)programmeId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = chosenLevel });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = ContributionMonth.FromDate(today).FirstDay });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = today });
        var (months, dues) = await DueDatesAsync(conn, ContributionMonth.FromDate(today).PlusMonths(1), ct);
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = months });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = dues });
        ScopeSql.AddParameters(cmd, scope);
        var rows = new List<RetentionRow>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var participants = r.GetInt32(2);
                rows.Add(new RetentionRow(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), participants,
                    RetentionFigure.Of(r.GetInt32(3), r.GetInt32(4), r.GetInt32(5)), RetentionFigure.Of(r.GetInt32(6), r.GetInt32(7), r.GetInt32(8)),
                    RetentionFigure.Of(r.GetInt32(9), r.GetInt32(10), r.GetInt32(11)), r.GetInt32(12), r.GetInt32(13),
                    RetentionFigure.Share(r.GetInt32(13), participants)));
            }
        }

        static RetentionFigure Sum(IEnumerable<RetentionFigure> figures)
        {
            var list = figures.ToList();
            return RetentionFigure.Of(list.Sum(f => f.Reached), list.Sum(f => f.Paid), list.Sum(f => f.Protected));
        }

        var totalParticipants = rows.Sum(x => x.Participants);
        var total = new RetentionRow("", "Jumlah", totalParticipants, Sum(rows.Select(x => x.Month1)), Sum(rows.Select(x => x.Month3)),
            Sum(rows.Select(x => x.Month6)), rows.Sum(x => x.Died), rows.Sum(x => x.SixMonths),
            RetentionFigure.Share(rows.Sum(x => x.SixMonths), totalParticipants));
        return new RetentionResponse(chosenLevel, regencyCode, programmeId, today.ToString("yyyy-MM-dd"), total, rows);
    }
}
