using System.Text.Json;
using Npgsql;
using Payung.Infrastructure;
using Payung.Programs.Rates;
using Payung.Shared;

namespace Payung.Programs.EnrollWorkers;

/// <summary>
/// Enrols named workers, or every eligible worker of a region, into an active programme for all its months, in one
/// transaction under the programme's row lock. Each candidate gets a verdict: enrolled (months funded and money
/// committed, never beyond the ceiling), waiting (the village quota is full) or rejected with its reasons.
/// No worker is funded twice for a month: <c>programs.funded_month</c>'s primary key guarantees it, and a request
/// that loses that race to another programme is run once more so the loser is told which programme won.
/// </summary>
public sealed class EnrollWorkers(NpgsqlDataSource dataSource, RateTableCache rateCache, CallerContext caller, TimeProvider clock)
{
    public const int MaxWorkerIds = 1000;
    public const int MaxFilterLimit = 10_000;

    public async Task<Outcome<EnrollWorkersResponse>> ExecuteAsync(Guid programmeId, EnrollWorkersRequest? request, CancellationToken ct)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        var rates = await rateCache.GetAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await EnrollOnceAsync(programmeId, request!, rates, ct);
            }
            catch (FundingRaceException) when (attempt == 1)
            {
                // Another programme funded one of these workers for one of these months after our check: run again,
                // and the check now names that programme.
            }
            catch (PostgresException e) when (attempt == 1 && e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected)
            {
            }
            catch (FundingRaceException)
            {
                return Refusal.Conflict("enrollment.concurrent_change", "Data berubah bersamaan; silakan ulangi.");
            }
        }
    }

    private static Refusal? Validate(EnrollWorkersRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors[""] = ["Isi permintaan wajib diisi."];
        }
        else if ((request.WorkerIds is null) == (request.Filter is null))
        {
            errors[""] = ["Isi salah satu: workerIds atau filter."];
        }
        else if (request.WorkerIds is { } ids && ids.Count is < 1 or > MaxWorkerIds)
        {
            errors["workerIds"] = [$"Jumlah pekerja harus antara 1 dan {MaxWorkerIds}."];
        }
        else if (request.Filter is { } filter)
        {
            if (!RegionCode.TryParse(filter.VillageCode, out _))
            {
                errors["filter.villageCode"] = ["Kode wilayah tidak valid (contoh 18.01.06.2001)."];
            }

            if (filter.Limit is < 1 or > MaxFilterLimit)
            {
                errors["filter.limit"] = [$"Batas harus antara 1 dan {MaxFilterLimit:N0}."];
            }
        }

        return errors.Count > 0 ? Refusal.Invalid(errors) : null;
    }

    private async Task<Outcome<EnrollWorkersResponse>> EnrollOnceAsync(
        Guid programmeId, EnrollWorkersRequest request, RateTable rates, CancellationToken ct)
    {
        var scope = caller.Scope;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var programme = await EnrollmentProgramme.LockAsync(conn, tx, programmeId, ct);
        if (programme is null || !programme.IsVisibleTo(scope))
        {
            return EnrollmentProgramme.NotFound;
        }

        if (programme.Status != "active")
        {
            return EnrollmentProgramme.NotActive;
        }

        var candidates = await EnrollmentCandidates.ReadAsync(conn, tx, programme.Id, scope, request, ct);
        var activePerVillage = await ActivePerVillageAsync(conn, tx, programme.Id, ct);
        var now = clock.GetUtcNow();
        var committed = programme.Committed;
        var verdicts = new List<EnrollmentVerdict>();
        var rows = new List<NewEnrollment>();
        var quotesBySector = new Dictionary<string, IReadOnlyList<ContributionQuote>?>();

        IEnumerable<Guid> order = request.WorkerIds is { } ids ? ids.Distinct() : candidates.Keys;
        foreach (var workerId in order)
        {
            if (!candidates.TryGetValue(workerId, out var c))
            {
                verdicts.Add(new EnrollmentVerdict(workerId, "rejected", [EnrollmentReasons.NotFound]));
                continue;
            }

            var reasons = c.Reasons();
            if (reasons.Count > 0)
            {
                verdicts.Add(new EnrollmentVerdict(workerId, "rejected", reasons, OtherProgrammeId: c.OtherProgrammeId));
                continue;
            }

            if (!quotesBySector.TryGetValue(c.Sector, out var quotes))
            {
                quotes = programme.QuoteMonths(rates, c.Sector, programme.MonthFrom, programme.MonthTo);
                quotesBySector[c.Sector] = quotes;
            }

            if (quotes is null)
            {
                verdicts.Add(new EnrollmentVerdict(workerId, "rejected", [EnrollmentReasons.RateMissing]));
                continue;
            }

            var active = activePerVillage.GetValueOrDefault(c.VillageCode);
            if (programme.VillageQuota is { } quota && active >= quota)
            {
                var waiting = new NewEnrollment(Guid.CreateVersion7(), c, "waiting", []);
                rows.Add(waiting);
                verdicts.Add(new EnrollmentVerdict(workerId, "waiting", [EnrollmentReasons.VillageFull], waiting.Id));
                continue;
            }

            var total = quotes.Sum(q => q.PerParticipant.Value);
            if (committed + total > programme.BudgetCeiling)
            {
                verdicts.Add(new EnrollmentVerdict(workerId, "rejected", [EnrollmentReasons.BudgetExceeded]));
                continue;
            }

            committed += total;
            activePerVillage[c.VillageCode] = active + 1;
            var enrolled = new NewEnrollment(Guid.CreateVersion7(), c, "active", quotes);
            rows.Add(enrolled);
            verdicts.Add(new EnrollmentVerdict(workerId, "enrolled", [], enrolled.Id));
        }

        await InsertAsync(conn, tx, programme, rows, now, ct);
        await AuditWriter.WriteAsync(conn, tx, scope, rows.Select(r => Audit(programme, r)).ToList(), ct);
        await tx.CommitAsync(ct);
        return new EnrollWorkersResponse(
            verdicts.Count(v => v.Verdict == "enrolled"),
            verdicts.Count(v => v.Verdict == "waiting"),
            verdicts.Count(v => v.Verdict == "rejected"),
            committed,
            verdicts);
    }

    private static async Task<Dictionary<string, int>> ActivePerVillageAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid programmeId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            select village_code, count(*)::int from programs.enrollment
            where programme_id = $1 and status = 'active' group by village_code
            """, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            counts[r.GetString(0)] = r.GetInt32(1);
        }

        return counts;
    }

    private static async Task InsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, EnrollmentProgramme programme,
        List<NewEnrollment> rows, DateTimeOffset now, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using (var cmd = new NpgsqlCommand("""
            insert into programs.enrollment (id, programme_id, worker_id, village_code, regency_code, status, month_from, month_to,
                                             committed_amount, rate_version, waiting_since, created_at)
            select u.id, $1, u.worker_id, u.village_code, u.regency_code, u.status,
                   case when u.status = 'active' then $2 end, case when u.status = 'active' then $3 end,
                   u.committed, u.rate_version, case when u.status = 'waiting' then $4 end, $4
            from unnest($5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::text[])
                 as u(id, worker_id, village_code, regency_code, status, committed, rate_version)
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programme.Id });
            cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = programme.MonthFrom.FirstDay });
            cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = programme.MonthTo.FirstDay });
            cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
            cmd.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = rows.Select(r => r.Id).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = rows.Select(r => r.Candidate.WorkerId).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = rows.Select(r => r.Candidate.VillageCode).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = rows.Select(r => r.Candidate.RegencyCode).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = rows.Select(r => r.Status).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = rows.Select(r => r.Committed).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = rows.Select(r => r.RateVersion).ToArray() });
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await FundedMonths.InsertAsync(conn, tx, programme.Id,
            rows.SelectMany(r => r.Quotes.Select(q => new FundedMonths.Row(r.Candidate.WorkerId, r.Id, r.Candidate.RegencyCode, q))).ToList(), ct);
    }

    private static AuditRecord Audit(EnrollmentProgramme programme, NewEnrollment row) => new(
        "create", "enrollment", row.Id.ToString(), row.Candidate.VillageCode, null,
        JsonSerializer.Serialize(new
        {
            programmeId = programme.Id,
            workerId = row.Candidate.WorkerId,
            status = row.Status,
            monthFrom = row.Status == "active" ? programme.MonthFrom.ToString() : null,
            monthTo = row.Status == "active" ? programme.MonthTo.ToString() : null,
            committedAmount = row.Committed,
        }));

    private sealed record NewEnrollment(Guid Id, EnrollmentCandidate Candidate, string Status, IReadOnlyList<ContributionQuote> Quotes)
    {
        public long Committed => Quotes.Sum(q => q.PerParticipant.Value);

        public string? RateVersion => Quotes.Count == 0 ? null : string.Join('|', Quotes.Select(q => q.RateVersion).Distinct());
    }
}
