using Payung.Shared;
using Microsoft.Extensions.DependencyInjection;
using Payung.Programs.EnrollWorkers;
using Payung.Tests.Registry.Workers;
using static Payung.Tests.Programs.Enrollment.EnrollmentTestKit;

namespace Payung.Tests.Programs.Enrollment;

/// <summary>Enrolling on the real database: verdicts, no double funding, the ceiling and the quota under concurrency.</summary>
public sealed class EnrollWorkersTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    [Fact]
    public async Task EnrollWorkers_WhenWorkerIsFundedByAnOverlappingProgramme_RejectsNamingThatProgramme()
    {
        var first = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-06"));
        var second = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-06", To: "2026-12"));
        var worker = await CreateWorkerAsync(factory);

        var enrolled = await EnrollAsync(factory, first, worker);
        var refused = await EnrollAsync(factory, second, worker);

        Assert.Equal("enrolled", Assert.Single(enrolled.Verdicts).Verdict);
        var verdict = Assert.Single(refused.Verdicts);
        Assert.Equal(("rejected", first), (verdict.Verdict, verdict.OtherProgrammeId));
        Assert.Equal("enrollment.overlapping_funding", Assert.Single(verdict.Reasons).Code);
        Assert.All(await FundedMonthsAsync(factory, worker), m => Assert.Equal(first, m.ProgrammeId));
        Assert.Equal(0, await CommittedAsync(factory, second));
    }

    [Fact]
    public async Task EnrollWorkers_InTwoProgrammesAtOnce_FundsTheWorkerFromExactlyOne()
    {
        var first = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-06"));
        var second = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-03", To: "2026-09"));
        var worker = await CreateWorkerAsync(factory);

        var results = await Task.WhenAll(
            Task.Run(() => EnrollAsync(factory, first, worker)),
            Task.Run(() => EnrollAsync(factory, second, worker)));

        var verdicts = results.Select(r => Assert.Single(r.Verdicts)).ToList();
        Assert.Equal(1, verdicts.Count(v => v.Verdict == "enrolled"));
        var winner = verdicts[0].Verdict == "enrolled" ? first : second;
        var loser = verdicts.Single(v => v.Verdict == "rejected");
        Assert.Equal(("enrollment.overlapping_funding", (Guid?)winner), (Assert.Single(loser.Reasons).Code, loser.OtherProgrammeId));
        var months = await FundedMonthsAsync(factory, worker);
        Assert.Equal(winner == first ? 6 : 7, months.Count);
        Assert.All(months, m => Assert.Equal(winner, m.ProgrammeId));
    }

    [Fact]
    public async Task EnrollWorkers_WhenAnotherProgrammeCommitsTheSameMonthAfterTheCheck_ThePrimaryKeyHoldsAndTheRetryNamesIt()
    {
        var first = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-02"));
        var second = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-02", To: "2026-03"));
        var worker = await CreateWorkerAsync(factory);
        var heldEnrollment = Guid.CreateVersion7();
        await using var conn = await factory.Database.DataSource.OpenConnectionAsync();
        await using var held = await conn.BeginTransactionAsync();
        await using (var batch = new Npgsql.NpgsqlBatch(conn, held))
        {
            var enrollment = new Npgsql.NpgsqlBatchCommand("""
                insert into programs.enrollment (id, programme_id, worker_id, village_code, regency_code, status, month_from, month_to,
                                                 committed_amount, created_at)
                values ($1, $2, $3, '18.01.06.2001', '18.01', 'active', date '2026-02-01', date '2026-02-01', 16800, now())
                """);
            var month = new Npgsql.NpgsqlBatchCommand("""
                insert into programs.funded_month (worker_id, month, programme_id, enrollment_id, amount, rate_version, regency_code, village_code)
                values ($3, date '2026-02-01', $2, $1, 16800, 'test', '18.01', '18.01.06.2001')
                """);
            foreach (var command in new[] { enrollment, month })
            {
                command.Parameters.Add(new Npgsql.NpgsqlParameter<Guid> { TypedValue = heldEnrollment });
                command.Parameters.Add(new Npgsql.NpgsqlParameter<Guid> { TypedValue = first });
                command.Parameters.Add(new Npgsql.NpgsqlParameter<Guid> { TypedValue = worker });
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync();
        }

        // The enrolment's overlap check cannot see the uncommitted month; its insert waits on the key instead.
        var enrolling = Task.Run(() => EnrollAsync(factory, second, worker));
        await Task.Delay(500);
        Assert.False(enrolling.IsCompleted);
        await held.CommitAsync();
        var response = await enrolling;

        var verdict = Assert.Single(response.Verdicts);
        Assert.Equal(("rejected", (Guid?)first), (verdict.Verdict, verdict.OtherProgrammeId));
        Assert.Equal("2026-02", Assert.Single(await FundedMonthsAsync(factory, worker)).Month);
        Assert.Equal(0, await CommittedAsync(factory, second));
    }

    [Fact]
    public async Task EnrollWorkers_FiveConcurrentRequestsForACeilingOfThree_EnrolsThreeAndNeverExceedsTheCeiling()
    {
        const long ceiling = 3 * 2 * MonthlyRate;
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-02", Ceiling: ceiling));
        var workers = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            workers.Add(await CreateWorkerAsync(factory));
        }

        var results = await Task.WhenAll(workers.Select(w => Task.Run(() => EnrollAsync(factory, programme, w))));

        var verdicts = results.Select(r => Assert.Single(r.Verdicts)).ToList();
        Assert.Equal(3, verdicts.Count(v => v.Verdict == "enrolled"));
        Assert.All(verdicts.Where(v => v.Verdict != "enrolled"), v => Assert.Equal("budget.exceeded", Assert.Single(v.Reasons).Code));
        Assert.Equal(ceiling, await CommittedAsync(factory, programme));
    }

    [Fact]
    public async Task EnrollWorkers_ByVillageFilterBeyondTheQuota_PutsTheRestOnTheWaitingListAndPromotesOnEnding()
    {
        var village = await QuietVillageAsync(factory, 0);
        // Two months before this one to next month; the waiting participant is promoted today, so its membership starts
        // today and the programme funds it from this month on.
        var current = new BusinessCalendar(TimeProvider.System).CurrentMonth();
        var programme = await CreateProgrammeAsync(factory,
            new ProgrammeSpec(From: current.PlusMonths(-2).ToString(), To: current.PlusMonths(1).ToString(), VillageQuota: 2));
        var workers = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            workers.Add(await CreateWorkerAsync(factory, village));
        }

        var response = await EnrollAsync(factory, programme, new EnrollWorkersRequest(null, new EnrollmentFilter(village, 10), RegisteredAtBpjs));

        Assert.Equal((2, 1, 0), (response.Enrolled, response.Waiting, response.Rejected));
        Assert.Equal(workers, response.Verdicts.Select(v => v.WorkerId));
        var waiting = response.Verdicts[2];
        Assert.Equal(("waiting", "quota.village_full"), (waiting.Verdict, Assert.Single(waiting.Reasons).Code));
        Assert.Equal(2 * 4 * MonthlyRate, response.CommittedTotal);

        var ended = await EndAsync(factory, response.Verdicts[0].EnrollmentId!.Value, "moved", current.PlusMonths(-2).ToString());

        Assert.Equal((3 * MonthlyRate, MonthlyRate), (ended.Released, ended.CommittedAmount));
        Assert.Equal(waiting.EnrollmentId, ended.PromotedEnrollmentId);
        Assert.Equal(("active", 2 * MonthlyRate, current.ToString(), current.PlusMonths(1).ToString()), await EnrollmentAsync(factory, waiting.EnrollmentId!.Value));
        Assert.Equal([current.ToString(), current.PlusMonths(1).ToString()], (await FundedMonthsAsync(factory, workers[2])).Select(m => m.Month));
        Assert.Equal((1 + 4 + 2) * MonthlyRate, await CommittedAsync(factory, programme));
    }

    [Fact]
    public async Task EndEnrollment_ReleasesTheMonthsAfterTheLastMonthAndAuditsTheChange()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-06"));
        var worker = await CreateWorkerAsync(factory);
        var enrollmentId = (await EnrollAsync(factory, programme, worker)).Verdicts[0].EnrollmentId!.Value;

        var ended = await EndAsync(factory, enrollmentId, "wage_earner", "2026-02");

        Assert.Equal((4 * MonthlyRate, 2 * MonthlyRate, (Guid?)null), (ended.Released, ended.CommittedAmount, ended.PromotedEnrollmentId));
        Assert.Equal(("ended", 2 * MonthlyRate, "2026-01", "2026-02"), await EnrollmentAsync(factory, enrollmentId));
        Assert.Equal(["2026-01", "2026-02"], (await FundedMonthsAsync(factory, worker)).Select(m => m.Month));
        Assert.Equal(2 * MonthlyRate, await CommittedAsync(factory, programme));
        Assert.Equal(["create", "update"], (await WorkersTestKit.AuditRowsAsync(factory, "enrollment", enrollmentId)).Select(a => a.Action));
        using var scope = factory.Services.CreateScope();
        var again = await scope.As<Payung.Programs.EndEnrollment.EndEnrollment>(Operator)
            .ExecuteAsync(enrollmentId, new("other", "2026-01"), CancellationToken.None);
        Assert.Equal((409, "enrollment.already_ended"), (again.Refusal!.Status, again.Refusal.Code));
    }

    [Fact]
    public async Task EnrollWorkers_WithIneligibleWorkers_RejectsEachWithItsReasons()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(MinAge: 18, MaxAge: 60, DomicileCodes: ["18.01.06"]));
        var eligible = await CreateWorkerAsync(factory);
        var tooOld = await CreateWorkerAsync(factory, birthDate: new DateOnly(1960, 1, 1));
        var outside = await CreateWorkerAsync(factory, WorkersTestKit.Hajimena);
        var deceased = await CreateWorkerAsync(factory, deceased: true);
        var unknown = Guid.CreateVersion7();

        var response = await EnrollAsync(factory, programme, eligible, tooOld, outside, deceased, unknown);

        var codes = response.Verdicts.ToDictionary(v => v.WorkerId, v => string.Join(",", v.Reasons.Select(r => r.Code)));
        Assert.Equal("", codes[eligible]);
        Assert.Equal("eligibility.age", codes[tooOld]);
        Assert.Equal("eligibility.outside_region", codes[outside]);
        Assert.Equal("eligibility.deceased", codes[deceased]);
        Assert.Equal("worker.not_found", codes[unknown]);
        Assert.Equal((1, 0, 4), (response.Enrolled, response.Waiting, response.Rejected));
    }

    [Fact]
    public async Task EnrollWorkers_OutsideTheCallersScope_NeitherSeesTheWorkerNorTheProgramme()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec());
        var elsewhere = await CreateWorkerAsync(factory, WorkersTestKit.Tengkujuh);

        var response = await EnrollAsync(factory, programme, new EnrollWorkersRequest([elsewhere], null), WorkersTestKit.Desa(WorkersTestKit.Jondong));

        Assert.Equal("worker.not_found", Assert.Single(Assert.Single(response.Verdicts).Reasons).Code);
        using var scope = factory.Services.CreateScope();
        var outcome = await scope.As<EnrollWorkers>(WorkersTestKit.Disnaker("16.04"))
            .ExecuteAsync(programme, new EnrollWorkersRequest([elsewhere], null), CancellationToken.None);
        Assert.Equal((404, "programme.not_found"), (outcome.Refusal!.Status, outcome.Refusal.Code));
    }

    [Fact]
    public async Task EnrollWorkers_IntoADraftProgramme_RefusesAsNotActive()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(Status: "draft"));
        var worker = await CreateWorkerAsync(factory);
        using var scope = factory.Services.CreateScope();

        var outcome = await scope.As<EnrollWorkers>(Operator).ExecuteAsync(programme, new EnrollWorkersRequest([worker], null), CancellationToken.None);

        Assert.Equal((422, "programme.not_active"), (outcome.Refusal!.Status, outcome.Refusal.Code));
    }

    [Theory]
    [InlineData("DANA_DESA", 16_800, 16_800)] // village funds: the PP 50/2025 discount is assumed not to apply
    [InlineData("APBD", 16_800, 16_800)] // PP 50/2025 excludes contributions paid from APBD
    public async Task EnrollWorkers_TransportWorker_RecordsEachMonthsAmountWithItsRateVersion(string source, long march, long april)
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-03", To: "2026-04", FundingSource: source));
        var worker = await CreateWorkerAsync(factory, occupation: "ojek_pengemudi");

        var response = await EnrollAsync(factory, programme, worker);

        Assert.Equal(march + april, response.CommittedTotal);
        var months = await FundedMonthsAsync(factory, worker);
        Assert.Equal([("2026-03", march), ("2026-04", april)], months.Select(m => (m.Month, m.Amount)));
        Assert.All(months, m => Assert.StartsWith("JKK@2015-07;JKM@2015-07", m.RateVersion));
        // Programmes are never self-paid (a database check), and every programme source is excluded from the
        // discount by default; the discounted path is pinned by the budget estimate tests.
        Assert.DoesNotContain(months, m => m.RateVersion.Contains("PP50/2025", StringComparison.Ordinal));
    }
}
