using Npgsql;
using NpgsqlTypes;
using Payung.Billing.HandOverToSelfPaid;
using Payung.Shared;

namespace Payung.Billing.ReportRetention;

/// <summary>One horizon of one region: participants whose horizon month is past its due date, and how many of them paid it.</summary>
public sealed record RetentionFigure(int Reached, int Paid, decimal? Percent)
{
    public static RetentionFigure Of(int reached, int paid) =>
        new(reached, paid, reached == 0 ? null : Math.Round(paid * 100m / reached, 1, MidpointRounding.AwayFromZero));
}

public sealed record RetentionRow(string RegionCode, string? RegionName, int Participants, RetentionFigure Month1, RetentionFigure Month3,
    RetentionFigure Month6);

/// <summary>A programme whose months have ended, to choose on the retention page.</summary>
public sealed record EndedProgramme(Guid Id, string Name, string MonthTo);

public sealed record RetentionResponse(string Level, string? Regency, Guid? ProgrammeId, string AsOf, RetentionRow Total,
    IReadOnlyList<RetentionRow> Rows);

/// <summary>
/// "Melanjutkan iuran secara mandiri": of the participants whose subsidy ended with a programme (the hand-over cohort,
/// alive at the programme's end), how many paid their own contribution for the 1st, 3rd and 6th month after the
/// programme's last month, per village, district or regency in the caller's scope. A horizon counts for a participant
/// only once its month is past the due day (<c>billing.protection_rule</c>), so a young cohort does not drag the rate
/// down. One set-based statement per request.
/// </summary>
public sealed class ReportRetention(NpgsqlDataSource dataSource, CallerContext caller, BusinessCalendar calendar)
{
    private const string Sql = """
        with prog as (
            select id, month_to from programs.programme_billing
             where status in ('active', 'closed') and month_to < $4 and ($2::uuid is null or id = $2)
        ),
        cohort as (
            select b.worker_id, pr.month_to, b.village_code, b.regency_code
              from prog pr
              join programs.billable_month b on b.programme_id = pr.id and b.month = pr.month_to
              join registry.worker_identity w on w.id = b.worker_id
             where {ends_here}
               and (w.death_date is null or w.death_date > (pr.month_to + interval '1 month' - interval '1 day')::date)
               and ($1::text is null or b.regency_code = $1)
               and {scope}
        ),
        horizon as (
            select c.*, h.n,
                   -- Without a protection rule for the month there is no due day, so the horizon is not counted.
                   coalesce((c.month_to + make_interval(months => h.n))::date + r.due_day - 1 < $5, false) as reached,
                   exists (select 1 from billing.contribution x
                            where x.worker_id = c.worker_id and x.month = (c.month_to + make_interval(months => h.n))::date
                              and x.source = 'self_paid' and x.amount_paid > 0 and x.amount_paid >= x.amount_due) as paid
              from cohort c
             cross join (values (1), (3), (6)) as h (n)
              left join billing.protection_rule r
                     on r.effective_from <= (c.month_to + make_interval(months => h.n))::date
                    and (r.effective_to is null or (c.month_to + make_interval(months => h.n))::date <= r.effective_to)
        ),
        grouped as (
            select case $3 when 'village' then village_code when 'district' then left(village_code, 8) else regency_code end as region,
                   count(*) filter (where n = 1) as participants,
                   count(*) filter (where n = 1 and reached) as reached1, count(*) filter (where n = 1 and reached and paid) as paid1,
                   count(*) filter (where n = 3 and reached) as reached3, count(*) filter (where n = 3 and reached and paid) as paid3,
                   count(*) filter (where n = 6 and reached) as reached6, count(*) filter (where n = 6 and reached and paid) as paid6
              from horizon
             group by 1
        )
        select g.region, rg.name, g.participants::int, g.reached1::int, g.paid1::int, g.reached3::int, g.paid3::int, g.reached6::int, g.paid6::int
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
            .Replace("{scope}", ScopeSql.Predicate("b.regency_code", "b.village_code", 6), StringComparison.Ordinal), conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)regencyCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)programmeId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = chosenLevel });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = ContributionMonth.FromDate(today).FirstDay });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = today });
        ScopeSql.AddParameters(cmd, scope);
        var rows = new List<RetentionRow>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                rows.Add(new RetentionRow(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt32(2),
                    RetentionFigure.Of(r.GetInt32(3), r.GetInt32(4)), RetentionFigure.Of(r.GetInt32(5), r.GetInt32(6)),
                    RetentionFigure.Of(r.GetInt32(7), r.GetInt32(8))));
            }
        }

        var total = new RetentionRow("", "Jumlah", rows.Sum(x => x.Participants),
            RetentionFigure.Of(rows.Sum(x => x.Month1.Reached), rows.Sum(x => x.Month1.Paid)),
            RetentionFigure.Of(rows.Sum(x => x.Month3.Reached), rows.Sum(x => x.Month3.Paid)),
            RetentionFigure.Of(rows.Sum(x => x.Month6.Reached), rows.Sum(x => x.Month6.Paid)));
        return new RetentionResponse(chosenLevel, regencyCode, programmeId, today.ToString("yyyy-MM-dd"), total, rows);
    }
}
