using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Payung.Infrastructure;
using Payung.Programs.SeedDemoProgrammes;
using Payung.Regions.LoadRegions;
using Payung.Shared;
using Payung.Tests.Cli;
using Xunit.Abstractions;

namespace Payung.Tests.Programs;

/// <summary>The demo programmes, seeded into a database of their own: the shared test database must not see 50,000 workers.</summary>
public sealed class SeedDemoProgrammesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Seed_OnAFreshDatabase_CreatesTheRealProgrammesAndIsIdempotent()
    {
        await using var fresh = await FreshDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(fresh.ConnectionString);
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync();
        await new LoadRegions(dataSource, NullLogger<LoadRegions>.Instance).ExecuteAsync();
        var caller = new CallerContext();

        var watch = Stopwatch.StartNew();
        var first = await new SeedDemoProgrammes(dataSource, caller, new Payung.Programs.Rates.RateTableCache(dataSource)).ExecuteAsync();
        watch.Stop();
        output.WriteLine($"seed took {watch.ElapsedMilliseconds} ms: {first.Programmes} programmes, {first.Workers} workers");

        Assert.True(first.Seeded);
        Assert.Equal(364, first.Programmes);
        Assert.Equal(4_465 + 2_951 + 1_768 + 7_100 + 36_000, first.Workers);

        var ls = SeedDemoProgrammes.LampungSelatanProgrammeId;
        Assert.Equal(4_465L, await ScalarAsync<long>(dataSource, "select count(*) from programs.enrollment where programme_id = $1 and status = 'active'", ls));
        Assert.Equal(522L, await ScalarAsync<long>(dataSource, "select count(*) from programs.enrollment where programme_id = $1 and status = 'active' and village_code like '18.01.06.%'", ls));
        Assert.Equal(375_060_000L, await ScalarAsync<long>(dataSource, "select sum(committed_amount)::bigint from programs.enrollment where programme_id = $1", ls));
        Assert.Equal(375_060_000L, await ScalarAsync<long>(dataSource, "select sum(amount)::bigint from programs.funded_month where programme_id = $1", ls));
        Assert.Equal(375_060_000L, await ScalarAsync<long>(dataSource, "select budget_ceiling from programs.programme where id = $1", ls));
        Assert.Equal(0L, await ScalarAsync<long>(dataSource, """
            select count(*) from programs.enrollment
            where programme_id = $1 and (committed_amount <> 84000 or rate_version <> 'JKK@2015-07;JKM@2015-07'
                  or month_from <> date '2025-05-01' or month_to <> date '2025-09-01')
            """, ls));
        Assert.Equal(4_465L * 5, await ScalarAsync<long>(dataSource,
            "select count(*) from programs.funded_month where programme_id = $1 and amount = 16800 and month between date '2025-05-01' and date '2025-09-01'", ls));

        var bdl = SeedDemoProgrammes.BandarLampungProgrammeId;
        Assert.Equal(2_951L, await ScalarAsync<long>(dataSource, "select count(*) from programs.enrollment where programme_id = $1 and status = 'active'", bdl));
        Assert.Equal(2_951L * 16_800 * 12, await ScalarAsync<long>(dataSource, "select budget_ceiling from programs.programme where id = $1", bdl));
        Assert.Equal(0L, await ScalarAsync<long>(dataSource, """
            select count(*) from programs.enrollment e join registry.worker w on w.id = e.worker_id
            where e.programme_id = $1 and w.occupation_code not in ('ketua_rt', 'ketua_rw')
            """, bdl));

        var bs = SeedDemoProgrammes.BangkaSelatanProgrammeId;
        Assert.Equal(1_768L, await ScalarAsync<long>(dataSource, "select count(*) from programs.enrollment where programme_id = $1 and status = 'active'", bs));
        Assert.Equal(1_768L * 6, await ScalarAsync<long>(dataSource,
            "select count(*) from programs.funded_month where programme_id = $1 and month between date '2025-09-01' and date '2026-02-01'", bs));

        Assert.Equal(7_100L, await ScalarAsync<long>(dataSource,
            "select count(*) from programs.funded_month where programme_id = $1 and month = date '2024-12-01'", SeedDemoProgrammes.KaurProgrammeId));

        Assert.Equal(360L, await ScalarAsync<long>(dataSource, """
            select count(*) from programs.programme p join programs.funder f on f.id = p.funder_id
            where p.regency_code = '16.04' and p.funding_source = 'APBDES_ADD' and f.kind = 'pemdes' and p.village_target = 100 and p.village_quota is null
            """));
        Assert.Equal(0L, await ScalarAsync<long>(dataSource, """
            select count(*) from (
                select p.id from programs.programme p left join programs.enrollment e on e.programme_id = p.id and e.status = 'active'
                where p.regency_code = '16.04'
                group by p.id, p.region_code
                having count(e.id) <> 100 or bool_or(e.village_code <> p.region_code)) bad
            """));
        Assert.Equal(36_000L * 12, await ScalarAsync<long>(dataSource,
            "select count(*) from programs.funded_month where regency_code = '16.04' and amount = 16800"));
        Assert.Equal(364L, await ScalarAsync<long>(dataSource, "select count(*) from access.audit_log where entity = 'programme' and actor_kind = 'system'"));

        await AssertSampleNiksValidAsync(dataSource);

        var before = await FingerprintAsync(dataSource);
        var second = await new SeedDemoProgrammes(dataSource, caller, new Payung.Programs.Rates.RateTableCache(dataSource)).ExecuteAsync();
        Assert.False(second.Seeded);
        Assert.Equal(before, await FingerprintAsync(dataSource));
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task AssertSampleNiksValidAsync(NpgsqlDataSource dataSource)
    {
        var regions = new HashSet<string>(StringComparer.Ordinal);
        await using (var cmd = dataSource.CreateCommand("select code from regions.region where level <> 'village'"))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                regions.Add(r.GetString(0));
            }
        }

        var lookup = new Lookup(regions);
        var checkedCount = 0;
        await using (var cmd = dataSource.CreateCommand("select nik, birth_date, sex from registry.worker order by md5(id::text) limit 200"))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                var nik = r.GetString(0);
                var birth = DateOnly.FromDateTime(r.GetDateTime(1));
                var sex = r.GetString(2) == "F" ? Sex.Female : Sex.Male;
                var result = NikRules.Check(nik, new DateOnly(2026, 1, 1), birth, sex, lookup);
                Assert.True(result.Valid && result.Warnings.Count == 0,
                    $"{nik}: {string.Join(", ", result.Errors.Concat(result.Warnings).Select(e => e.Code))}");
                Assert.InRange(birth, new DateOnly(1961, 1, 1), new DateOnly(2005, 12, 31));
                checkedCount++;
            }
        }

        Assert.Equal(200, checkedCount);
    }

    private static async Task<string> FingerprintAsync(NpgsqlDataSource dataSource) =>
        string.Join("/", await ScalarAsync<long>(dataSource, "select count(*) from registry.worker"),
            await ScalarAsync<long>(dataSource, "select count(*) from programs.funder"),
            await ScalarAsync<long>(dataSource, "select count(*) from programs.programme"),
            await ScalarAsync<long>(dataSource, "select count(*) from programs.enrollment"),
            await ScalarAsync<long>(dataSource, "select count(*) from programs.funded_month"),
            await ScalarAsync<long>(dataSource, "select coalesce(sum(amount), 0)::bigint from programs.funded_month"),
            await ScalarAsync<long>(dataSource, "select count(*) from access.audit_log"));

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, params object[] args)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        foreach (var a in args)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        }

        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    private sealed class Lookup(HashSet<string> codes) : IRegionCodeLookup
    {
        public bool Exists(RegionCode code) => codes.Contains(code.Value);
    }
}
