using Microsoft.EntityFrameworkCore;
using Npgsql;
using Payung.Programs.Contracts;
using Payung.Shared;

namespace Payung.Programs.ShowDesk;

/// <summary>
/// The caller's open programmes for the home page: ended-but-not-closed first and drafts next (both need an action), then
/// active ones by their last month; with one grouped count of their enrolments.
/// </summary>
internal sealed class ProgrammeDesk(ProgrammesDbContext db, NpgsqlDataSource dataSource) : IProgrammeDesk
{
    public async Task<ProgrammeDeskFigures> ReadAsync(ContributionMonth currentMonth, int limit, CancellationToken ct)
    {
        // The programme filter of ProgrammesDbContext applies the caller's scope.
        var open = db.Programmes.AsNoTracking().Where(p => p.Status != ProgrammeStatus.Closed);
        var total = await open.CountAsync(ct);
        var programmes = await open
            .OrderBy(p => p.Status == ProgrammeStatus.Active && p.MonthTo < currentMonth ? 0 : p.Status == ProgrammeStatus.Draft ? 1 : 2)
            .ThenBy(p => p.MonthTo).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Take(limit)
            .Select(p => new { p.Id, p.Name, p.RegionCode, p.Status, p.MonthFrom, p.MonthTo })
            .ToListAsync(ct);
        if (programmes.Count == 0)
        {
            return new ProgrammeDeskFigures(total, []);
        }

        await using var cmd = dataSource.CreateCommand("""
            select programme_id,
                   count(*) filter (where status = 'active')::int,
                   count(*) filter (where status = 'waiting')::int,
                   count(*) filter (where status = 'active' and month_to = $2)::int
              from programs.enrollment
             where programme_id = any($1) and status in ('active', 'waiting')
             group by programme_id
            """);
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = programmes.Select(p => p.Id).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = currentMonth.PlusMonths(1).FirstDay });
        var counts = new Dictionary<Guid, (int Active, int Waiting, int Ending)>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                counts[reader.GetGuid(0)] = (reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
            }
        }

        return new ProgrammeDeskFigures(total, programmes.Select(p =>
        {
            var c = counts.GetValueOrDefault(p.Id);
            return new DeskProgramme(p.Id, p.Name, p.RegionCode, p.Status.ToString().ToLowerInvariant(),
                p.Status == ProgrammeStatus.Active && p.MonthTo < currentMonth, p.MonthFrom, p.MonthTo, c.Active, c.Waiting, c.Ending);
        }).ToList());
    }
}
