using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payung.Programs.EndEnrollment;
using Payung.Programs.EnrollWorkers;
using Payung.Shared;
using Payung.Tests.Registry.Workers;

namespace Payung.Tests.Programs.Enrollment;

/// <summary>
/// Funders, programmes and workers of a test's own, written with plain SQL (the enrolment code reads them that way
/// too), and the enrolment use cases run in a DI scope as a Disnaker operator of Lampung Selatan.
/// </summary>
internal static class EnrollmentTestKit
{
    public const string LampungSelatan = "18.01";

    /// <summary>APBD on the minimum basis: JKK 1% of Rp1,000,000 plus JKM Rp6,800 (PP 44/2015).</summary>
    public const long MonthlyRate = 16_800;

    // NIKs of these tests: an unassigned district code and serials 3000–3999, apart from every other generator.
    private static int serial = 3000;

    public static CallerScope Operator { get; } = WorkersTestKit.Disnaker(LampungSelatan);

    public sealed record ProgrammeSpec(
        string From = "2026-01",
        string To = "2026-02",
        string FundingSource = "APBD",
        long Ceiling = 100_000_000,
        int? VillageQuota = null,
        int? MinAge = null,
        int? MaxAge = null,
        string[]? DomicileCodes = null,
        string Status = "active",
        string RegionCode = LampungSelatan);

    public static async Task<Guid> CreateProgrammeAsync(PayungApiFactory factory, ProgrammeSpec spec)
    {
        var funderId = Guid.CreateVersion7();
        var programmeId = Guid.CreateVersion7();
        await using var batch = factory.Database.DataSource.CreateBatch();
        var funder = new NpgsqlBatchCommand("""
            insert into programs.funder (id, name, kind, region_code, created_at, updated_at)
            values ($1, 'Pemkab Uji Kepesertaan', 'pemkab', $2, now(), now())
            """);
        funder.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = funderId });
        funder.Parameters.Add(new NpgsqlParameter<string> { TypedValue = spec.RegionCode[..5] });
        var programme = new NpgsqlBatchCommand("""
            insert into programs.programme (id, name, funder_id, funding_source, fiscal_year, budget_ceiling, month_from, month_to,
                target_participants, village_quota, min_age, max_age, domicile_codes, status, region_code,
                created_at, updated_at)
            values ($1, 'Program Uji Kepesertaan', $2, $3, 2026, $4, $5, $6, 1000, $7, $8, $9, $10, $11, $12, now(), now())
            """);
        programme.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
        programme.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = funderId });
        programme.Parameters.Add(new NpgsqlParameter<string> { TypedValue = spec.FundingSource });
        programme.Parameters.Add(new NpgsqlParameter<long> { TypedValue = spec.Ceiling });
        programme.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = ContributionMonth.Parse(spec.From).FirstDay });
        programme.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = ContributionMonth.Parse(spec.To).FirstDay });
        programme.Parameters.Add(new NpgsqlParameter { Value = (object?)spec.VillageQuota ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        programme.Parameters.Add(new NpgsqlParameter { Value = (object?)spec.MinAge ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        programme.Parameters.Add(new NpgsqlParameter { Value = (object?)spec.MaxAge ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        programme.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = spec.DomicileCodes ?? [] });
        programme.Parameters.Add(new NpgsqlParameter<string> { TypedValue = spec.Status });
        programme.Parameters.Add(new NpgsqlParameter<string> { TypedValue = spec.RegionCode });
        batch.BatchCommands.Add(funder);
        batch.BatchCommands.Add(programme);
        await batch.ExecuteNonQueryAsync();
        return programmeId;
    }

    public static async Task<Guid> CreateWorkerAsync(PayungApiFactory factory, string village = WorkersTestKit.Jondong,
        DateOnly? birthDate = null, string occupation = "petani", bool deceased = false) =>
        (await CreateWorkerWithNikAsync(factory, village, birthDate, occupation, deceased)).Id;

    public static async Task<(Guid Id, string Nik)> CreateWorkerWithNikAsync(PayungApiFactory factory, string village = WorkersTestKit.Jondong,
        DateOnly? birthDate = null, string occupation = "petani", bool deceased = false)
    {
        var id = Guid.CreateVersion7();
        var born = birthDate ?? new DateOnly(1985, 5, 5);
        var next = Interlocked.Increment(ref serial);
        Assert.True(next <= 3999, "The enrolment tests used up their NIK serials.");
        var nik = string.Create(CultureInfo.InvariantCulture, $"189898{born.Day:00}{born.Month:00}{born.Year % 100:00}{next:0000}");
        await using var cmd = factory.Database.DataSource.CreateCommand("""
            insert into registry.worker (id, nik, full_name, birth_date, sex, village_code, occupation_code, dtsen_decile,
                                         status, death_date, created_at, updated_at)
            values ($1, $2, 'Peserta Uji', $3, 'M', $4, $5, 2, $6, $7, clock_timestamp(), clock_timestamp())
            """);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = nik });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = born });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = village });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = occupation });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = deceased ? "deceased" : "alive" });
        cmd.Parameters.Add(new NpgsqlParameter { Value = deceased ? new DateOnly(2025, 10, 1) : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
        await cmd.ExecuteNonQueryAsync();
        return (id, nik);
    }

    /// <summary>
    /// A village of Lampung Selatan that no other test writes workers into, so a filter sees only this test's. Offsets in
    /// use: 0, 11, 12, 40, 60–64 (VillageTargetTests); take another.
    /// </summary>
    public static async Task<string> QuietVillageAsync(PayungApiFactory factory, int offset)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand("""
            select code from regions.region where code like '18.01.__.____' and code not like '18.01.06.%' and code not like '18.01.04.%'
            order by code desc offset $1 limit 1
            """);
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = offset });
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    public static async Task<EnrollWorkersResponse> EnrollAsync(PayungApiFactory factory, Guid programmeId, EnrollWorkersRequest request,
        CallerScope? caller = null)
    {
        using var scope = factory.Services.CreateScope();
        var outcome = await scope.As<EnrollWorkers>(caller ?? Operator).ExecuteAsync(programmeId, request, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Code);
        return outcome.Value;
    }

    /// <summary>
    /// The BPJS registration day the kit's enrolments record: before every test programme, so they fund all its months
    /// (a programme recorded after the fact). Left out, a membership starts on the day of enrolment.
    /// </summary>
    public const string RegisteredAtBpjs = "2024-01-02";

    public static Task<EnrollWorkersResponse> EnrollAsync(PayungApiFactory factory, Guid programmeId, params Guid[] workerIds) =>
        EnrollAsync(factory, programmeId, new EnrollWorkersRequest(workerIds, null, RegisteredAtBpjs));

    public static async Task<EndEnrollmentResponse> EndAsync(PayungApiFactory factory, Guid enrollmentId, string reason, string lastMonth)
    {
        using var scope = factory.Services.CreateScope();
        var outcome = await scope.As<EndEnrollment>(Operator).ExecuteAsync(enrollmentId, new EndEnrollmentRequest(reason, lastMonth), CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Code);
        return outcome.Value;
    }

    public sealed record FundedMonthRow(string Month, Guid ProgrammeId, long Amount, string RateVersion);

    public static async Task<List<FundedMonthRow>> FundedMonthsAsync(PayungApiFactory factory, Guid workerId)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand(
            "select month, programme_id, amount, rate_version from programs.funded_month where worker_id = $1 order by month");
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workerId });
        var rows = new List<FundedMonthRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            rows.Add(new FundedMonthRow(ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(0)).ToString(), r.GetGuid(1), r.GetInt64(2), r.GetString(3)));
        }

        return rows;
    }

    public static async Task<int> EnrollmentCountAsync(PayungApiFactory factory, Guid programmeId)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand("select count(*)::int from programs.enrollment where programme_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
        return (int)(await cmd.ExecuteScalarAsync())!;
    }

    public static async Task<long> CommittedAsync(PayungApiFactory factory, Guid programmeId)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand(
            "select coalesce(sum(committed_amount), 0)::bigint from programs.enrollment where programme_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public static async Task<(string Status, long Committed, string? MonthFrom, string? MonthTo)> EnrollmentAsync(PayungApiFactory factory, Guid id)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand(
            "select status, committed_amount, month_from, month_to from programs.enrollment where id = $1");
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        return (r.GetString(0), r.GetInt64(1),
            r.IsDBNull(2) ? null : ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(2)).ToString(),
            r.IsDBNull(3) ? null : ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(3)).ToString());
    }
}
