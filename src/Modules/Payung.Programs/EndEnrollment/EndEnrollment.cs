using System.Text.Json;
using Npgsql;
using Payung.Infrastructure;
using Payung.Programs.EnrollWorkers;
using Payung.Programs.Rates;
using Payung.Shared;

namespace Payung.Programs.EndEnrollment;

/// <summary>
/// Ends an enrolment early (death, a move, a wage-earning job…): the months after the last paid month are no longer
/// funded and their money returns to the programme's budget. The freed village place then goes to the oldest waiting
/// enrolment of the same programme and village that the quota and the budget allow, for the remaining months.
/// All in one transaction under the programme's row lock, like enrolling.
/// </summary>
public sealed class EndEnrollment(NpgsqlDataSource dataSource, RateTableCache rateCache, CallerContext caller, TimeProvider clock,
    BusinessCalendar calendar)
{
    public static readonly IReadOnlyList<string> Reasons = ["death", "moved", "wage_earner", "withdrawn", "other"];

    public async Task<Outcome<EndEnrollmentResponse>> ExecuteAsync(Guid enrollmentId, EndEnrollmentRequest? request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request?.Reason is not { } reason || !Reasons.Contains(reason))
        {
            errors["reason"] = [$"Alasan harus salah satu dari {string.Join(", ", Reasons)}."];
            reason = "";
        }

        if (!ContributionMonth.TryParse(request?.LastMonth, out var lastMonth))
        {
            errors["lastMonth"] = ["Bulan terakhir harus berformat yyyy-MM."];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        var scope = caller.Scope;
        var rates = await rateCache.GetAsync(ct);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var notFound = Refusal.NotFound("enrollment.not_found", "Kepesertaan tidak ditemukan.");
        if (await ProgrammeOfAsync(conn, tx, enrollmentId, ct) is not { } found || !scope.Covers(found.VillageCode))
        {
            return notFound;
        }

        // The programme lock first, as enrolling takes it, so the two never deadlock over one programme.
        var programme = await EnrollmentProgramme.LockAsync(conn, tx, found.ProgrammeId, ct)
            ?? throw new InvalidOperationException("An enrolment's programme disappeared.");
        var current = await LockEnrollmentAsync(conn, tx, enrollmentId, ct);
        if (current.Status == "ended")
        {
            return Refusal.Conflict("enrollment.already_ended", "Kepesertaan sudah berakhir.");
        }

        var released = 0L;
        await using (var cmd = new NpgsqlCommand("""
            with released as (
                delete from programs.funded_month where enrollment_id = $1 and month > $2 returning amount
            )
            select coalesce(sum(amount), 0)::bigint from released
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = enrollmentId });
            cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = lastMonth.FirstDay });
            released = (long)(await cmd.ExecuteScalarAsync(ct))!;
        }

        var now = clock.GetUtcNow();
        long remaining;
        await using (var cmd = new NpgsqlCommand("""
            update programs.enrollment
            set status = 'ended', ended_reason = $3, ended_at = $4, committed_amount = committed_amount - $5,
                month_from = case when month_from > $2 then null else month_from end,
                month_to = case when month_from > $2 then null else least(month_to, $2) end
            where id = $1
            returning committed_amount
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = enrollmentId });
            cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = lastMonth.FirstDay });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reason });
            cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
            cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = released });
            remaining = (long)(await cmd.ExecuteScalarAsync(ct))!;
        }

        var audit = new List<AuditRecord>
        {
            new("update", "enrollment", enrollmentId.ToString(), found.VillageCode,
                JsonSerializer.Serialize(new { status = current.Status, committedAmount = current.Committed }),
                JsonSerializer.Serialize(new { status = "ended", endedReason = reason, lastMonth = lastMonth.ToString(), committedAmount = remaining, released })),
        };

        Guid? promoted = null;
        if (current.Status == "active")
        {
            // The promoted participant's membership starts today, and a programme funds no month before it.
            var today = calendar.Today();
            var from = new[] { lastMonth.PlusMonths(1), programme.MonthFrom, ContributionMonth.FromDate(today) }.Max();
            var budgetLeft = programme.BudgetCeiling - (programme.Committed - released);
            promoted = await PromoteAsync(conn, tx, programme, rates, found.VillageCode, from, today, budgetLeft, audit, ct);
        }

        await AuditWriter.WriteAsync(conn, tx, scope, audit, ct);
        await tx.CommitAsync(ct);
        return new EndEnrollmentResponse(enrollmentId, "ended", lastMonth.ToString(), released, remaining, promoted);
    }

    private static async Task<Guid?> PromoteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, EnrollmentProgramme programme,
        RateTable rates, string villageCode, ContributionMonth from, DateOnly membershipStart, long budgetLeft, List<AuditRecord> audit,
        CancellationToken ct)
    {
        if (from > programme.MonthTo)
        {
            return null;
        }

        await using (var count = new NpgsqlCommand(
            "select count(*)::int from programs.enrollment where programme_id = $1 and village_code = $2 and status = 'active'", conn, tx))
        {
            count.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programme.Id });
            count.Parameters.Add(new NpgsqlParameter<string> { TypedValue = villageCode });
            if (programme.VillageQuota is { } quota && (int)(await count.ExecuteScalarAsync(ct))! >= quota)
            {
                return null;
            }
        }

        // Waiting workers who died or were merged meanwhile stay in the queue for an operator to end.
        var queue = new List<(Guid Id, Guid WorkerId, string RegencyCode, string Sector, bool Overlaps)>();
        await using (var cmd = new NpgsqlCommand("""
            select e.id, e.worker_id, e.regency_code, w.occupation_sector,
                   exists (select 1 from programs.funded_month fm
                           where fm.worker_id = e.worker_id and fm.month between $3 and $4) as overlaps
            from programs.enrollment e
            join registry.worker_profile w on w.id = e.worker_id
            where e.programme_id = $1 and e.village_code = $2 and e.status = 'waiting'
              and w.status = 'alive' and w.merged_into is null
            order by e.waiting_since, e.id
            for update of e
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programme.Id });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = villageCode });
            cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = from.FirstDay });
            cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = programme.MonthTo.FirstDay });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                queue.Add((r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetBoolean(4)));
            }
        }

        foreach (var next in queue.Where(q => !q.Overlaps))
        {
            if (programme.QuoteMonths(rates, next.Sector, from, programme.MonthTo) is not { } quotes)
            {
                return null;
            }

            var total = quotes.Sum(q => q.PerParticipant.Value);
            if (total > budgetLeft)
            {
                // The queue keeps its order: nobody behind jumps ahead because they happen to be cheaper.
                return null;
            }

            await tx.SaveAsync("promote", ct);
            try
            {
                await using (var cmd = new NpgsqlCommand("""
                    update programs.enrollment
                    set status = 'active', month_from = $2, month_to = $3, committed_amount = $4, rate_version = $5, membership_start = $6
                    where id = $1
                    """, conn, tx))
                {
                    cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = next.Id });
                    cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = from.FirstDay });
                    cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = programme.MonthTo.FirstDay });
                    cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = total });
                    cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = string.Join('|', quotes.Select(q => q.RateVersion).Distinct()) });
                    cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = membershipStart });
                    await cmd.ExecuteNonQueryAsync(ct);
                }

                await FundedMonths.InsertAsync(conn, tx, programme.Id,
                    quotes.Select(q => new FundedMonths.Row(next.WorkerId, next.Id, next.RegencyCode, q)).ToList(), ct);
            }
            catch (FundingRaceException)
            {
                // Another programme took one of these months a moment ago: this worker stays waiting.
                await tx.RollbackAsync("promote", ct);
                continue;
            }

            audit.Add(new AuditRecord("update", "enrollment", next.Id.ToString(), villageCode,
                JsonSerializer.Serialize(new { status = "waiting", committedAmount = 0 }),
                JsonSerializer.Serialize(new
                {
                    status = "active", monthFrom = from.ToString(), monthTo = programme.MonthTo.ToString(), committedAmount = total,
                    membershipStart = membershipStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                })));
            return next.Id;
        }

        return null;
    }

    private static async Task<(Guid ProgrammeId, string VillageCode)?> ProgrammeOfAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, Guid enrollmentId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select programme_id, village_code from programs.enrollment where id = $1", conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = enrollmentId });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? (r.GetGuid(0), r.GetString(1)) : null;
    }

    private static async Task<(string Status, long Committed)> LockEnrollmentAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, Guid enrollmentId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "select status, committed_amount from programs.enrollment where id = $1 for update", conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = enrollmentId });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return (r.GetString(0), r.GetInt64(1));
    }
}
