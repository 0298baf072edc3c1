using Npgsql;
using Payung.Infrastructure;
using Payung.Registry.Contracts;
using Payung.Shared;

namespace Payung.Programs.EnrollWorkers;

/// <summary>
/// A programme's enrolments inside the caller's scope, waiting ones in queue order. The worker's name is read
/// through the registry's view like the candidate query, the NIK through the registry's contract, which masks it
/// as the caller's scope requires.
/// </summary>
public sealed class ListEnrollments(NpgsqlDataSource dataSource, WorkerNiks workerNiks, CallerContext caller)
{
    public const int PageSize = 50;
    private static readonly string[] Statuses = ["active", "waiting", "ended"];

    public async Task<Outcome<Paged<EnrollmentSummary>>> ExecuteAsync(Guid programmeId, string? status, int? page, CancellationToken ct)
    {
        if (status is not null && !Statuses.Contains(status))
        {
            return Refusal.Invalid("status", "Status harus active, waiting atau ended.");
        }

        if (page is < 1)
        {
            return Refusal.Invalid("page", "Halaman mulai dari 1.");
        }

        var scope = caller.Scope;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        if (await EnrollmentProgramme.PeekAsync(conn, programmeId, ct) is not { } programme || !programme.IsVisibleTo(scope))
        {
            return EnrollmentProgramme.NotFound;
        }

        var pageNumber = page ?? 1;
        await using var cmd = new NpgsqlCommand($"""
            select e.id, e.worker_id, w.full_name, e.village_code, e.status, e.month_from, e.month_to, e.committed_amount,
                   e.waiting_since, e.ended_reason, count(*) over ()::int
            from programs.enrollment e
            join registry.worker_profile w on w.id = e.worker_id
            where e.programme_id = $1 and ($2::text is null or e.status = $2)
              and {ScopeSql.Predicate("e.regency_code", "e.village_code", 3)}
            order by case e.status when 'active' then 0 when 'waiting' then 1 else 2 end, e.waiting_since, e.created_at, e.id
            limit $6 offset $7
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        ScopeSql.AddParameters(cmd, scope);
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = PageSize });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (pageNumber - 1) * PageSize });
        var items = new List<EnrollmentSummary>();
        var total = 0;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            items.Add(new EnrollmentSummary(
                r.GetGuid(0), r.GetGuid(1), null, r.GetString(2), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(5)).ToString(),
                r.IsDBNull(6) ? null : ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(6)).ToString(),
                r.GetInt64(7),
                r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8),
                r.IsDBNull(9) ? null : r.GetString(9)));
            total = r.GetInt32(10);
        }

        var identities = await workerNiks.DescribeAsync(items.Select(i => i.WorkerId).ToList(), ct);
        return new Paged<EnrollmentSummary>(
            items.Select(i => i with { Nik = identities.GetValueOrDefault(i.WorkerId)?.Nik }).ToList(), pageNumber, PageSize, total);
    }
}
