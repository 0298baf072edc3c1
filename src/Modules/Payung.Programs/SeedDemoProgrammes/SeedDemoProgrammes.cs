using System.Text.Json;
using Npgsql;
using Payung.Infrastructure;
using Payung.Shared;

using Payung.Programs.Rates;

namespace Payung.Programs.SeedDemoProgrammes;

public sealed record SeedDemoProgrammesResult(bool Seeded, int Programmes, int Workers);

/// <summary>
/// The real programmes of the domain reference as demo data: Lampung Selatan (4,465 participants, 522 in
/// Kalianda, May–Sep 2025), Bandar Lampung (2,951 RT/RW heads, 2025), Bangka Selatan (1,768, Sep 2025–Feb 2026),
/// Kaur (7,100, Dec 2024) and Lahat ("1 Desa 100 Pekerja Rentan": one programme per desa paid from the APBDes out of
/// Alokasi Dana Desa, 2026),
/// each with synthetic workers whose NIK agrees with their district, birth date and sex, all enrolled for every
/// month. Written set-based, like a migration: one statement per table. Idempotent: nothing happens when the
/// Lampung Selatan demo funder already exists. Acts as the system; one audit row per programme.
/// Worker and enrolment ids are fixed (prefix 5eed1000- / 5eed2000- and a serial) so rows go in key order.
/// Cost: about 0.5 million funded_month rows (Lahat alone is 36,000 workers x 12 months), each checked against
/// three foreign keys; that insert is most of the ~10 s the seed takes on 2 cores.
/// </summary>
public sealed class SeedDemoProgrammes(NpgsqlDataSource dataSource, CallerContext caller, RateTableCache rates)
{
    public static readonly Guid LampungSelatanFunderId = new("5eed0000-0000-4000-8000-000000001801");
    public static readonly Guid BandarLampungFunderId = new("5eed0000-0000-4000-8000-000000001871");
    public static readonly Guid BangkaSelatanFunderId = new("5eed0000-0000-4000-8000-000000001903");
    public static readonly Guid KaurFunderId = new("5eed0000-0000-4000-8000-000000001704");
    public static readonly Guid LampungSelatanProgrammeId = new("5eed0000-0000-4000-8000-000000011801");
    public static readonly Guid BandarLampungProgrammeId = new("5eed0000-0000-4000-8000-000000011871");
    public static readonly Guid BangkaSelatanProgrammeId = new("5eed0000-0000-4000-8000-000000011903");
    public static readonly Guid KaurProgrammeId = new("5eed0000-0000-4000-8000-000000011704");

    // The seed programmes' months and funding sources, priced from the rate tables: the regencies pay from their APBD,
    // Lahat's villages from their APBDes out of Alokasi Dana Desa (the regency's ADD), not from Dana Desa.
    private static readonly ContributionMonth FirstSeedMonth = new(2024, 12);
    private static readonly ContributionMonth LastSeedMonth = new(2026, 12);
    private static readonly string[] SeedFundingSources = ["APBD", "APBDES_ADD"];

    // The funded_month insert (~0.5 million rows) takes ~10 s on an idle 2-core machine and more than Npgsql's 30 s
    // default when the machine is busy; a seed that runs once may wait, a finite limit still ends a stuck one.
    internal const int SeedCommandTimeoutSeconds = 600;

    private const string ProgrammesSql = """
        create temp table demo_programme on commit drop as
        select p.id, p.funder_id, p.funder_name, p.funder_kind, p.name, p.funding_source, p.fiscal_year,
               p.month_from, p.month_to, p.target, p.quota, p.region_code, p.occupations,
               (extract(year from age(p.month_to, p.month_from)) * 12 + extract(month from age(p.month_to, p.month_from)))::int + 1 as months
        from (
            values
              ('5eed0000-0000-4000-8000-000000011801'::uuid, '5eed0000-0000-4000-8000-000000001801'::uuid,
               'Pemerintah Kabupaten Lampung Selatan', 'pemkab', 'Perlindungan Pekerja Rentan Lampung Selatan 2025', 'APBD', 2025,
               date '2025-05-01', date '2025-09-01', 4465, null::int, '18.01',
               array['petani', 'nelayan', 'buruh_harian_lepas', 'pedagang_kaki_lima', 'tukang']),
              ('5eed0000-0000-4000-8000-000000011871'::uuid, '5eed0000-0000-4000-8000-000000001871'::uuid,
               'Pemerintah Kota Bandar Lampung', 'pemkot', 'Jaminan Sosial Ketua RT dan RW Bandar Lampung 2025', 'APBD', 2025,
               date '2025-01-01', date '2025-12-01', 2951, null::int, '18.71',
               array['ketua_rt', 'ketua_rw']),
              ('5eed0000-0000-4000-8000-000000011903'::uuid, '5eed0000-0000-4000-8000-000000001903'::uuid,
               'Pemerintah Kabupaten Bangka Selatan (Dinsos PPPA)', 'pemkab', 'Perlindungan Pekerja Rentan Bangka Selatan 2025', 'APBD', 2025,
               date '2025-09-01', date '2026-02-01', 1768, null::int, '19.03',
               array['nelayan', 'pekebun', 'buruh_harian_lepas', 'pedagang_kaki_lima']),
              ('5eed0000-0000-4000-8000-000000011704'::uuid, '5eed0000-0000-4000-8000-000000001704'::uuid,
               'Pemerintah Kabupaten Kaur', 'pemkab', 'Perlindungan Pekerja Rentan Miskin Ekstrem Kaur 2024', 'APBD', 2024,
               date '2024-12-01', date '2024-12-01', 7100, null::int, '17.04',
               array['petani', 'pekebun', 'nelayan', 'buruh_harian_lepas'])
        ) as p(id, funder_id, funder_name, funder_kind, name, funding_source, fiscal_year, month_from, month_to, target, quota, region_code, occupations)
        union all
        select md5('payung-demo:lahat-programme:' || r.code)::uuid, md5('payung-demo:lahat-funder:' || r.code)::uuid,
               left('Pemerintah Desa ' || r.name, 150), 'pemdes', left('1 Desa 100 Pekerja Rentan - Desa ' || r.name || ' 2026', 200),
               'APBDES_ADD', 2026, date '2026-01-01', date '2026-12-01', 100, 100, r.code,
               array['petani', 'pekebun', 'buruh_harian_lepas', 'kader_posyandu', 'linmas', 'marbot'], 12
        from regions.region r
        where r.level = 'village' and r.code like '16.04.__.2___'
        """;

    private const string FundersSql = """
        insert into programs.funder (id, name, kind, region_code, created_at, updated_at)
        select funder_id, funder_name, funder_kind, region_code, now(), now() from demo_programme
        """;

    private const string ProgrammeInsertSql = """
        -- "1 Desa 100 Pekerja Rentan" is a minimum per village: the demo's per-village figure is a target, not a cap.
        insert into programs.programme (id, name, funder_id, funding_source, fiscal_year, budget_ceiling, month_from, month_to,
                                        target_participants, village_target, domicile_codes, occupation_codes, status,
                                        region_code, created_at, updated_at)
        select id, name, funder_id, funding_source, fiscal_year, target::bigint * months * $1, month_from, month_to,
               target, quota, array[left(region_code, 5)], occupations, 'active', region_code, now(), now()
        from demo_programme
        returning id, name, region_code, budget_ceiling, target_participants, month_from, month_to
        """;

    // Where each programme's participants live: Lampung Selatan puts exactly 522 in Kecamatan Kalianda and the
    // rest across its other districts; the others spread over every village of their region (a Lahat desa is
    // its own region). Participants go round-robin over the villages; NIK serials count per district, birth date and sex.
    private const string WorkersSql = """
        create temp table demo_worker on commit drop as
        with pool as (
            select p.id as programme_id, p.region_code as prefix, null::text as excluded, p.target as count
            from demo_programme p where p.id <> '5eed0000-0000-4000-8000-000000011801'
            union all select '5eed0000-0000-4000-8000-000000011801', '18.01.06', null, 522
            union all select '5eed0000-0000-4000-8000-000000011801', '18.01', '18.01.06', 4465 - 522
        ),
        village as (
            select pool.programme_id, pool.prefix, r.code,
                   (row_number() over (partition by pool.programme_id, pool.prefix order by r.code))::int - 1 as idx,
                   (count(*) over (partition by pool.programme_id, pool.prefix))::int as total
            from pool join regions.region r
              on left(r.code, 5) = left(pool.prefix, 5)
            where r.level = 'village' and (r.code = pool.prefix or r.code like pool.prefix || '.%')
              and (pool.excluded is null or r.code not like pool.excluded || '.%')
        ),
        slot as (
            select v.programme_id, v.code as village_code,
                   (row_number() over (order by v.programme_id, v.code, n))::int as g
            from pool
            cross join lateral generate_series(0, pool.count - 1) as n
            join village v on v.programme_id = pool.programme_id and v.prefix = pool.prefix and v.idx = n % v.total
        ),
        person as (
            select s.programme_id, s.village_code, s.g,
                   date '1961-01-01' + ((s.g * 7919) % 16436)::int as birth_date,
                   case when s.g % 2 = 0 then 'M' else 'F' end as sex
            from slot s
        )
        select ('5eed1000-0000-4000-8000-' || lpad(to_hex(p.g), 12, '0'))::uuid as id,
               ('5eed2000-0000-4000-8000-' || lpad(to_hex(p.g), 12, '0'))::uuid as enrollment_id, p.g, p.programme_id, p.village_code,
               left(p.village_code, 5) as regency_code, p.birth_date, p.sex,
               replace(left(p.village_code, 8), '.', '')
                 || lpad((extract(day from p.birth_date)::int + case when p.sex = 'F' then 40 else 0 end)::text, 2, '0')
                 || to_char(p.birth_date, 'MMYY')
                 || lpad((8000 + row_number() over (partition by left(p.village_code, 8), p.birth_date, p.sex order by p.g))::text, 4, '0') as nik,
               (case when p.sex = 'M'
                     then (array['Ahmad', 'Budi', 'Joko', 'Slamet', 'Agus', 'Rudi', 'Hendra', 'Sutrisno', 'Wahyu', 'Eko', 'Dedi', 'Yusuf'])[1 + (p.g / 2) % 12]
                     else (array['Siti', 'Sri', 'Dewi', 'Nurhayati', 'Rina', 'Yuni', 'Wati', 'Lestari', 'Fitri', 'Aminah', 'Rohani', 'Suryani'])[1 + (p.g / 2) % 12] end)
                 || ' ' || (array['Saputra', 'Hidayat', 'Santoso', 'Wijaya', 'Pratama', 'Kurniawan', 'Setiawan', 'Lubis', 'Siregar', 'Rahman', 'Harahap', 'Gunawan', 'Susanto'])[1 + (p.g / 24) % 13] as full_name,
               dp.occupations[1 + (p.g % cardinality(dp.occupations))::int] as occupation_code,
               (1 + p.g % 4)::smallint as dtsen_decile,
               dp.month_from, dp.month_to, dp.months
        from person p join demo_programme dp on dp.id = p.programme_id
        order by p.g
        """;

    private const string WorkerInsertSql = """
        insert into registry.worker (id, nik, full_name, birth_date, sex, village_code, occupation_code, dtsen_decile, created_at, updated_at)
        select id, nik, full_name, birth_date, sex, village_code, occupation_code, dtsen_decile, now(), now() from demo_worker order by g
        """;

    private const string EnrollmentInsertSql = """
        insert into programs.enrollment (id, programme_id, worker_id, village_code, regency_code, status, month_from, month_to,
                                         committed_amount, rate_version, created_at, membership_start)
        -- The demo records programmes after the fact: BPJS registered each participant on its programme's first day.
        select enrollment_id, programme_id, id, village_code, regency_code, 'active', month_from, month_to,
               months * $1, $2, now(), month_from
        from demo_worker order by g
        """;

    private const string FundedMonthInsertSql = """
        insert into programs.funded_month (worker_id, month, programme_id, enrollment_id, amount, rate_version, regency_code, village_code)
        select w.id, m::date, w.programme_id, w.enrollment_id, $1, $2, w.regency_code, w.village_code
        from demo_worker w cross join lateral generate_series(w.month_from, w.month_to, interval '1 month') as m
        order by w.g, m
        """;

    public async Task<SeedDemoProgrammesResult> ExecuteAsync(CancellationToken ct = default)
    {
        caller.Scope = CallerScope.System("demo-seed");
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        if (await ExistsAsync(conn, null, ct))
        {
            return new SeedDemoProgrammesResult(false, 0, 0);
        }

        await using var tx = await conn.BeginTransactionAsync(ct);
        await ExecAsync(conn, tx, "select pg_advisory_xact_lock(hashtext('payung:seed-demo-programmes'))", ct);
        if (await ExistsAsync(conn, tx, ct))
        {
            return new SeedDemoProgrammesResult(false, 0, 0);
        }

        var (monthlyContribution, rateVersion) = await PriceAsync(ct);
        await ExecAsync(conn, tx, ProgrammesSql, ct);
        await ExecAsync(conn, tx, FundersSql, ct);
        var audit = new List<AuditRecord>();
        await using (var cmd = new NpgsqlCommand(ProgrammeInsertSql, conn, tx) { CommandTimeout = SeedCommandTimeoutSeconds })
        {
            cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = monthlyContribution });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var regionCode = r.GetString(2);
                audit.Add(new AuditRecord("create", "programme", r.GetGuid(0).ToString(), regionCode, null, JsonSerializer.Serialize(new
                {
                    name = r.GetString(1),
                    budgetCeiling = r.GetInt64(3),
                    enrolled = r.GetInt32(4),
                    monthFrom = DateOnly.FromDateTime(r.GetDateTime(5)).ToString("yyyy-MM"),
                    monthTo = DateOnly.FromDateTime(r.GetDateTime(6)).ToString("yyyy-MM"),
                    source = "demo-seed",
                })));
            }
        }

        await ExecAsync(conn, tx, WorkersSql, ct);
        var workers = await ExecAsync(conn, tx, WorkerInsertSql, ct);
        await ExecAsync(conn, tx, EnrollmentInsertSql, ct, monthlyContribution, rateVersion);
        await ExecAsync(conn, tx, FundedMonthInsertSql, ct, monthlyContribution, rateVersion);
        await AuditWriter.WriteAsync(conn, tx, caller.Scope, audit, ct);
        await tx.CommitAsync(ct);
        return new SeedDemoProgrammesResult(true, audit.Count, workers);
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select exists (select 1 from programs.funder where id = $1)", conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = LampungSelatanFunderId });
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task<int> ExecAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = SeedCommandTimeoutSeconds };
        foreach (var a in args)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        }

        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The JKK+JKM contribution on the minimum basis for every seed month and source, from the rate tables.
    /// The seed writes one amount for all of them (set-based), so it refuses to run if the rates differ.
    /// </summary>
    private async Task<(long Amount, string RateVersion)> PriceAsync(CancellationToken ct)
    {
        var table = await rates.GetAsync(ct);
        var quotes = new List<ContributionQuote>();
        foreach (var code in SeedFundingSources)
        {
            var source = table.FindFundingSource(code) ?? throw new InvalidOperationException($"Funding source {code} is missing.");
            for (var month = FirstSeedMonth; month <= LastSeedMonth; month = month.PlusMonths(1))
            {
                quotes.Add(CalculateContribution.ForMonth(table, [ContributionComponent.Jkk, ContributionComponent.Jkm], null, source, null, month)
                    ?? throw new InvalidOperationException($"No contribution rates in force for {month}."));
            }
        }

        var distinct = quotes.Select(q => (q.PerParticipant.Value, q.RateVersion)).Distinct().ToList();
        return distinct.Count == 1
            ? distinct[0]
            : throw new InvalidOperationException("The contribution changes within the seed period; the demo seed needs per-month amounts.");
    }
}
