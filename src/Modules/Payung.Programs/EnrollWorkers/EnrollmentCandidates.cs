using Npgsql;
using Payung.Shared;

namespace Payung.Programs.EnrollWorkers;

/// <summary>
/// Reads candidates in one statement: the named workers, or the eligible workers of a region in registration order,
/// always limited to the caller's scope (as <c>ScopedDbContext</c> filters: regency list, then the district or
/// village prefix). Age counts at the programme's first month.
/// </summary>
internal static class EnrollmentCandidates
{
    private static readonly string Sql = $"""
        select * from (
            select w.id, w.village_code, w.regency_code, w.occupation_sector, w.created_at,
                   (p.min_age is null or a.years >= p.min_age) and (p.max_age is null or a.years <= p.max_age) as age_ok,
                   cardinality(p.domicile_codes) = 0
                       or exists (select 1 from unnest(p.domicile_codes) d(code)
                                  where w.village_code = d.code or w.village_code like d.code || '.%') as region_ok,
                   cardinality(p.occupation_codes) = 0 or w.occupation_code = any (p.occupation_codes) as occupation_ok,
                   p.max_dtsen_decile is null or coalesce(w.dtsen_decile <= p.max_dtsen_decile, false) as decile_ok,
                   p.exclude_deceased and w.status = 'deceased' as deceased,
                   w.merged_into is not null as merged,
                   exists (select 1 from programs.enrollment e
                           where e.programme_id = p.id and e.worker_id = w.id and e.status in ('active', 'waiting')) as enrolled,
                   (select fm.programme_id from programs.funded_month fm
                    where fm.worker_id = w.id and fm.month between p.month_from and p.month_to and fm.programme_id <> p.id
                    order by fm.month limit 1) as other_programme
            from registry.worker_profile w
            join programs.programme p on p.id = $1
            cross join lateral (select extract(year from age(p.month_from, w.birth_date))::int as years) a
            where {ScopeSql.Predicate("w.regency_code", "w.village_code", 2)}
              and (case when $5::uuid[] is not null then w.id = any ($5)
                        else w.village_code = $6 or w.village_code like $6 || '.%' end)
        ) c
        where $5::uuid[] is not null
           or (age_ok and region_ok and occupation_ok and decile_ok and not deceased and not merged and not enrolled)
        order by created_at, id
        limit $7
        """;

    public static async Task<Dictionary<Guid, EnrollmentCandidate>> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        Guid programmeId, CallerScope scope, EnrollWorkersRequest request, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Sql, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
        ScopeSql.AddParameters(cmd, scope);
        cmd.Parameters.Add(new NpgsqlParameter
        {
            Value = request.WorkerIds is { } ids ? ids.Distinct().ToArray() : DBNull.Value,
            NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid,
        });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)request.Filter?.VillageCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter<int>
        {
            TypedValue = request.WorkerIds is { } all ? all.Count : request.Filter?.Limit ?? EnrollWorkers.MaxFilterLimit,
        });

        // Insertion order is the registration order the query returned: the filter takes candidates in it.
        var candidates = new Dictionary<Guid, EnrollmentCandidate>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var c = new EnrollmentCandidate(
                r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3),
                r.GetBoolean(5), r.GetBoolean(6), r.GetBoolean(7), r.GetBoolean(8), r.GetBoolean(9), r.GetBoolean(10), r.GetBoolean(11),
                r.IsDBNull(12) ? null : r.GetGuid(12));
            candidates[c.WorkerId] = c;
        }

        return candidates;
    }
}
