using Npgsql;
using Payung.Shared;

namespace Payung.Infrastructure.Rules;

/// <summary>The <see cref="WorkingCalendar"/> of every entered year, from <c>calendar.non_working_day</c>.</summary>
public sealed class WorkingCalendarCache(NpgsqlDataSource dataSource) : RuleTableCache<WorkingCalendar>
{
    private static readonly string[] Read = ["calendar.year", "calendar.non_working_day"];

    public override IReadOnlyCollection<string> Tables => Read;

    protected override async Task<WorkingCalendar> LoadAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var years = new List<int>();
        await using (var cmd = new NpgsqlCommand("select year from calendar.year", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                years.Add(r.GetInt32(0));
            }
        }

        var days = new List<NonWorkingDay>();
        await using (var cmd = new NpgsqlCommand("select day, kind, name from calendar.non_working_day", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                days.Add(new NonWorkingDay(r.GetFieldValue<DateOnly>(0), r.GetString(1), r.GetString(2)));
            }
        }

        return new WorkingCalendar(days, years);
    }
}
