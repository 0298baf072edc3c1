using Npgsql;

namespace Payung.Tests.Cli;

/// <summary>
/// `payung billing run` runs the billing run job in-process as the system. It bills every programme of the database,
/// so it runs against a database of its own: on the shared one it would issue other tests' bills.
/// </summary>
public sealed class BillingCommandTests
{
    [Fact]
    public async Task BillingRun_IssuesTheBillsUpToTheMonthGiven_OnceOnly_AndSkipsDraftProgrammes()
    {
        await using var fresh = await FreshDatabase.CreateAsync();
        var migrate = await CliRun.RunAsync("db", "migrate", "--db", fresh.ConnectionString);
        Assert.True(migrate.ExitCode == 0, migrate.Error);
        await using var dataSource = NpgsqlDataSource.Create(fresh.ConnectionString);
        await SeedAsync(dataSource);

        var first = await CliRun.RunAsync("billing", "run", "--up-to", "2026-02", "--db", fresh.ConnectionString);
        var again = await CliRun.RunAsync("billing", "run", "--month", "2026-02", "--db", fresh.ConnectionString);

        Assert.True(first.ExitCode == 0, first.Error + first.Output);
        Assert.Matches(@"programmes\s*│\s*1\b", first.Output); // the draft programme is not billed
        Assert.Matches(@"programme-months checked\s*│\s*2\b", first.Output); // 2026-01 and 2026-02, not 2026-03
        Assert.Matches(@"bills issued\s*│\s*2\b", first.Output);
        Assert.Matches(@"total billed \(Rp\)\s*│\s*67200\b", first.Output); // 2 workers x 2 months x Rp16,800
        Assert.True(again.ExitCode == 0, again.Error + again.Output);
        Assert.Matches(@"bills issued\s*│\s*0\b", again.Output);

        Assert.Equal("2026-01-01 2 33600 cli|2026-02-01 2 33600 cli", await ScalarAsync(dataSource, """
            select string_agg(to_char(month, 'YYYY-MM-DD') || ' ' || line_count || ' ' || total || ' ' || issued_by, '|' order by month)
              from billing.bill where kind = 'regular'
            """));
        // A run writes bills and lines only: the ledger gets a programme month's row when money for it arrives.
        Assert.Equal("0 4 2", await ScalarAsync(dataSource, """
            select (select count(*) from billing.contribution where month < date '2026-03-01') || ' ' ||
                   (select count(*) from billing.bill_line) || ' ' ||
                   (select count(*) from access.audit_log where entity = 'bill' and action = 'create' and actor_kind = 'system')
            """));
        Assert.Equal("succeeded 2", await ScalarAsync(dataSource,
            "select string_agg(distinct status, ',') || ' ' || count(*) from jobs.job where kind = 'billing.run'"));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("Februari")]
    public async Task BillingRun_WithAMonthThatIsNotYyyyMm_ExitsWithTwoBeforeTouchingTheDatabase(string month)
    {
        var run = await CliRun.RunAsync("billing", "run", "--up-to", month, "--db", "Host=127.0.0.1;Port=1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"not '{month}'", run.Error);
    }

    /// <summary>
    /// The least a billing run needs, in plain SQL: a village, an active programme for 2026-01 to 2026-03 with two
    /// enrolled workers funded for all three months, and a draft programme with one funded month that must stay unbilled.
    /// </summary>
    private static async Task SeedAsync(NpgsqlDataSource dataSource)
    {
        await using var cmd = dataSource.CreateCommand("""
            insert into regions.region (code, level, parent_code, name) values
                ('18', 'province', null, 'LAMPUNG'), ('18.01', 'regency', '18', 'KAB. LAMPUNG SELATAN'),
                ('18.01.06', 'district', '18.01', 'KALIANDA'), ('18.01.06.2001', 'village', '18.01.06', 'JONDONG');
            insert into registry.worker (id, nik, full_name, birth_date, sex, village_code, occupation_code, created_at, updated_at)
            select ('00000000-0000-7000-8000-00000000000' || n)::uuid, '180106050585000' || n, 'Peserta Tagihan ' || n,
                   date '1985-05-05', 'M', '18.01.06.2001', 'petani', now(), now()
              from generate_series(1, 3) n;
            insert into programs.funder (id, name, kind, region_code, created_at, updated_at)
            values ('00000000-0000-7000-8000-0000000000f1', 'Pemkab Lampung Selatan', 'pemkab', '18.01', now(), now());
            insert into programs.programme (id, name, funder_id, funding_source, fiscal_year, budget_ceiling, month_from, month_to,
                                            target_participants, status, region_code, created_at, updated_at)
            values ('00000000-0000-7000-8000-0000000000a1', 'Program Aktif', '00000000-0000-7000-8000-0000000000f1', 'APBD', 2026,
                    100000000, date '2026-01-01', date '2026-03-01', 10, 'active', '18.01', now(), now()),
                   ('00000000-0000-7000-8000-0000000000a2', 'Program Draf', '00000000-0000-7000-8000-0000000000f1', 'APBD', 2026,
                    100000000, date '2026-01-01', date '2026-01-01', 10, 'draft', '18.01', now(), now());
            insert into programs.enrollment (id, programme_id, worker_id, village_code, regency_code, status, month_from, month_to,
                                             committed_amount, rate_version, created_at)
            select ('00000000-0000-7000-8000-0000000000e' || n)::uuid,
                   case when n = 3 then '00000000-0000-7000-8000-0000000000a2' else '00000000-0000-7000-8000-0000000000a1' end::uuid,
                   ('00000000-0000-7000-8000-00000000000' || n)::uuid, '18.01.06.2001', '18.01', 'active',
                   date '2026-01-01', case when n = 3 then date '2026-01-01' else date '2026-03-01' end,
                   case when n = 3 then 16800 else 50400 end, 'JKK@2015-07;JKM@2015-07', now()
              from generate_series(1, 3) n;
            insert into programs.funded_month (worker_id, month, programme_id, enrollment_id, amount, rate_version, regency_code,
                                               village_code, jkk_amount, jkm_amount)
            select e.worker_id, m::date, e.programme_id, e.id, 16800, e.rate_version, '18.01', e.village_code, 10000, 6800
              from programs.enrollment e
             cross join generate_series(e.month_from, e.month_to, interval '1 month') m;
            """);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        return (await cmd.ExecuteScalarAsync())?.ToString();
    }
}
