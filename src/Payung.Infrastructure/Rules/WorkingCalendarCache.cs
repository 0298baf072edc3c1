using Npgsql;
using Payung.Shared;

namespace Payung.Infrastructure.Rules;

/// <summary>The <see cref="WorkingCalendar"/> of every entered year, from <c>calendar.non_working_day</c>.</summary>
public sealed class WorkingCalendarCache : IRuleCache
{
    private static readonly string[] Read = ["calendar.year", "calendar.non_working_day"];

    private readonly NpgsqlDataSource dataSource;
    private readonly CachedRuleTable<WorkingCalendar> cached;

    public WorkingCalendarCache(NpgsqlDataSource dataSource)
    {
        this.dataSource = dataSource;
        cached = new CachedRuleTable<WorkingCalendar>(LoadAsync);
    }

    public IReadOnlyCollection<string> Tables => Read;

    public Task<WorkingCalendar> GetAsync(CancellationToken ct) => cached.GetAsync(ct);

    public void Invalidate() => cached.Invalidate();

    private async Task<WorkingCalendar> LoadAsync(CancellationToken ct)
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
