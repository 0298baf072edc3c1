using Microsoft.EntityFrameworkCore;
using Payung.Infrastructure;
using Payung.Programs.ManageProgrammes;
using Payung.Regions.Contracts;
using Payung.Shared;

namespace Payung.Programs.ListVillagesBelowTarget;

/// <summary>
/// "1 Desa 100 Pekerja Rentan" counts per village: the villages of a programme in the caller's scope whose active
/// enrolments are still below the programme's <see cref="Programme.VillageTarget"/>, by village code, with how many
/// are missing. Waiting enrolments are not protected yet, so they do not count, but a village with only waiting ones
/// is listed. Bounded: for a regency or a province the list is paged in SQL over the villages that have enrolments;
/// for a kecamatan (at most a few hundred villages) or one village its villages come from the region list and are
/// paged in memory, so villages with nobody enrolled are listed too.
/// </summary>
public sealed class ListVillagesBelowTarget(ProgrammesDbContext db, IRegionDirectory regions)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    public async Task<Outcome<VillagesBelowTarget>> ExecuteAsync(Guid id, int page, int pageSize, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null)
        {
            return ProgrammeRules.NotFound;
        }

        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var region = RegionCode.Parse(programme.RegionCode);
        var small = region.Level is RegionLevel.District or RegionLevel.Village;
        if (programme.VillageTarget is not { } target)
        {
            return new VillagesBelowTarget(null, small, new Paged<VillageBelowTarget>([], page, pageSize, 0));
        }

        var (counts, total) = small
            ? await SmallRegionAsync(programme.Id, region, target, page, pageSize, ct)
            : await LargeRegionAsync(programme.Id, target, page, pageSize, ct);
        var names = await regions.NamesAsync(counts.Select(c => c.Code), ct);
        var items = counts
            .Select(c => new VillageBelowTarget(c.Code, names.NameOf(c.Code) ?? c.Code, names.Describe(c.Code), c.Participants, target - c.Participants))
            .ToList();
        return new VillagesBelowTarget(target, small, new Paged<VillageBelowTarget>(items, page, pageSize, total));
    }

    private async Task<(IReadOnlyList<VillageCount> Counts, int Total)> LargeRegionAsync(
        Guid programmeId, int target, int page, int pageSize, CancellationToken ct)
    {
        var offset = (page - 1) * pageSize;
        // Served by enrollment_programme_idx (programme_id, status, village_code).
        var rows = await db.Database.SqlQuery<VillageCountRow>($"""
            select village_code as "Code", count(*) filter (where status = 'active')::int as "Participants",
                   (count(*) over ())::int as "Total"
              from programs.enrollment
             where programme_id = {programmeId} and status in ('active', 'waiting')
             group by village_code
            having count(*) filter (where status = 'active') < {target}
             order by village_code
             limit {pageSize} offset {offset}
            """).ToListAsync(ct);
        var total = rows.Count > 0 ? rows[0].Total : await CountBelowAsync(programmeId, target, ct);
        return (rows.Select(r => new VillageCount(r.Code, r.Participants)).ToList(), total);
    }

    private async Task<int> CountBelowAsync(Guid programmeId, int target, CancellationToken ct) =>
        await db.Database.SqlQuery<int>($"""
            select count(*)::int as "Value" from (
                select 1 from programs.enrollment
                 where programme_id = {programmeId} and status in ('active', 'waiting')
                 group by village_code
                having count(*) filter (where status = 'active') < {target}) below
            """).SingleAsync(ct);

    private async Task<(IReadOnlyList<VillageCount> Counts, int Total)> SmallRegionAsync(
        Guid programmeId, RegionCode region, int target, int page, int pageSize, CancellationToken ct)
    {
        var villages = region.Level == RegionLevel.Village
            ? new List<string> { region.Value }
            : (await regions.ChildrenAsync(region, ct)).Where(v => v.Level == "village").Select(v => v.Code).ToList();
        var codes = villages.ToArray();
        var active = await db.Database.SqlQuery<VillageCount>($"""
            select village_code as "Code", count(*)::int as "Participants"
              from programs.enrollment
             where programme_id = {programmeId} and status = 'active' and village_code = any({codes})
             group by village_code
            """).ToDictionaryAsync(c => c.Code, c => c.Participants, StringComparer.Ordinal, ct);
        var below = villages
            .Select(code => new VillageCount(code, active.GetValueOrDefault(code)))
            .Where(c => c.Participants < target)
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        return (below.Skip((page - 1) * pageSize).Take(pageSize).ToList(), below.Count);
    }

    private sealed record VillageCount(string Code, int Participants);

    private sealed class VillageCountRow
    {
        public string Code { get; init; } = "";
        public int Participants { get; init; }
        public int Total { get; init; }
    }
}
