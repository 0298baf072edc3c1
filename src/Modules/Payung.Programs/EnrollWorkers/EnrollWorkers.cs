using System.Text.Json;
using Npgsql;
using Payung.Infrastructure;
using Payung.Programs.Rates;
using Payung.Shared;

namespace Payung.Programs.EnrollWorkers;

/// <summary>
/// Enrols named workers, or every eligible worker of a region, into an active programme for its months from the
/// participant's membership start (the day BPJS registered it: the request's or the file row's day, else today) — a
/// programme funds no month before the membership starts — in one transaction under the programme's row lock. Each candidate gets a verdict: enrolled (months funded and money
/// committed, never beyond the ceiling), waiting (the village quota is full) or rejected with its reasons.
/// No worker is funded twice for a month: <c>programs.funded_month</c>'s primary key guarantees it, and a request
/// that loses that race to another programme is run once more so the loser is told which programme won.
/// </summary>
public sealed class EnrollWorkers(NpgsqlDataSource dataSource, RateTableCache rateCache, CallerContext caller, TimeProvider clock,
    BusinessCalendar calendar)
{
    public const int MaxWorkerIds = 1000;
    public const int MaxFilterLimit = 10_000;

    public Task<Outcome<EnrollWorkersResponse>> ExecuteAsync(Guid programmeId, EnrollWorkersRequest? request, CancellationToken ct) =>
        ExecuteAsync(programmeId, request, null, ct);

    /// <summary>
    /// As above, with a membership start per worker (the rows of an enrolment file that name one); the others take the
    /// request's day or today. The caller checked those days with <see cref="TryParseMembershipStart"/>.
    /// </summary>
    public async Task<Outcome<EnrollWorkersResponse>> ExecuteAsync(Guid programmeId, EnrollWorkersRequest? request,
        IReadOnlyDictionary<Guid, DateOnly>? startByWorker, CancellationToken ct)
    {
        var today = calendar.Today();
        if (Validate(request, today) is { } invalid)
        {
            return invalid;
        }

        var defaultStart = request!.MembershipStart is { Length: > 0 } text && TryParseMembershipStart(text, today, out var given) ? given : today;

        var rates = await rateCache.GetAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await EnrollOnceAsync(programmeId, request, rates, w => startByWorker?.GetValueOrDefault(w) is { } s && s != default ? s : defaultStart, ct);
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

    /// <summary>A membership start as an operator writes it (yyyy-MM-dd, or dd-MM-yyyy / dd/MM/yyyy in a file): a real day, not after today.</summary>
    public static bool TryParseMembershipStart(string? text, DateOnly today, out DateOnly day)
    {
        var trimmed = text?.Trim();
        // A date cell of an .xlsx arrives as its serial number (days since 1899-12-30).
        day = trimmed is { Length: 5 } && int.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var serial)
            ? DateOnly.FromDateTime(DateTime.FromOADate(serial))
            : Payung.Infrastructure.Spreadsheets.SheetValues.Date(trimmed) ?? default;
        return day != default && day <= today && day.Year >= 2000;
    }

    private static Refusal? Validate(EnrollWorkersRequest? request, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (request?.MembershipStart is { Length: > 0 } start && !TryParseMembershipStart(start, today, out _))
        {
            errors["membershipStart"] = [EnrollmentReasons.MembershipStartInvalid.Message];
        }

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
        Guid programmeId, EnrollWorkersRequest request, RateTable rates, Func<Guid, DateOnly> startOf, CancellationToken ct)
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
        var quotesBySector = new Dictionary<(string Sector, ContributionMonth From), IReadOnlyList<ContributionQuote>?>();

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

            // A programme funds no month before the membership starts.
            var start = startOf(workerId);
            var from = ContributionMonth.FromDate(start) > programme.MonthFrom ? ContributionMonth.FromDate(start) : programme.MonthFrom;
            if (from > programme.MonthTo)
            {
                verdicts.Add(new EnrollmentVerdict(workerId, "rejected", [EnrollmentReasons.MembershipAfterProgramme]));
                continue;
            }

            if (!quotesBySector.TryGetValue((c.Sector, from), out var quotes))
            {
                quotes = programme.QuoteMonths(rates, c.Sector, from, programme.MonthTo);
                quotesBySector[(c.Sector, from)] = quotes;
            }

            if (quotes is null)
            {
                verdicts.Add(new EnrollmentVerdict(workerId, "rejected", [EnrollmentReasons.RateMissing]));
                continue;
            }

            var active = activePerVillage.GetValueOrDefault(c.VillageCode);
            if (programme.VillageQuota is { } quota && active >= quota)
            {
                var waiting = new NewEnrollment(Guid.CreateVersion7(), c, "waiting", [], null);
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
            var enrolled = new NewEnrollment(Guid.CreateVersion7(), c, "active", quotes, start);
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
                                             committed_amount, rate_version, waiting_since, created_at, membership_start)
            select u.id, $1, u.worker_id, u.village_code, u.regency_code, u.status,
                   case when u.status = 'active' then greatest($2, date_trunc('month', u.membership_start)::date) end,
                   case when u.status = 'active' then $3 end,
                   u.committed, u.rate_version, case when u.status = 'waiting' then $4 end, $4, u.membership_start
            from unnest($5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::text[], $12::date[])
                 as u(id, worker_id, village_code, regency_code, status, committed, rate_version, membership_start)
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
            cmd.Parameters.Add(new NpgsqlParameter<DateOnly?[]> { TypedValue = rows.Select(r => r.MembershipStart).ToArray() });
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
            monthFrom = row.Quotes.Count > 0 ? row.Quotes[0].Month.ToString() : null,
            membershipStart = row.MembershipStart?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            monthTo = row.Status == "active" ? programme.MonthTo.ToString() : null,
            committedAmount = row.Committed,
        }));

    private sealed record NewEnrollment(Guid Id, EnrollmentCandidate Candidate, string Status, IReadOnlyList<ContributionQuote> Quotes,
        DateOnly? MembershipStart)
    {
        public long Committed => Quotes.Sum(q => q.PerParticipant.Value);

        public string? RateVersion => Quotes.Count == 0 ? null : string.Join('|', Quotes.Select(q => q.RateVersion).Distinct());
    }
}
