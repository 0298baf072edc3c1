using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Payung.Billing.CheckProtection;
using Payung.Billing.GenerateMonthlyBills;
using Payung.Billing.RecordPayment;
using Payung.Billing.SeedDemoBilling;
using Payung.Infrastructure;
using Payung.Programs.Contracts;
using Payung.Programs.SeedDemoProgrammes;
using Payung.Regions.LoadRegions;
using Payung.Shared;
using Payung.Tests.Cli;

namespace Payung.Tests.Billing;

/// <summary>The demo's bills, payments and self-paid months, seeded into a database of their own after the demo programmes.</summary>
public sealed class SeedDemoBillingTests
{
    [Fact]
    public async Task Seed_BillsAndPaysTheNamedProgrammes_WithTheDemoGapAndLapse_AndIsIdempotent()
    {
        await using var fresh = await FreshDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(fresh.ConnectionString);
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync();
        await new LoadRegions(dataSource, NullLogger<LoadRegions>.Instance).ExecuteAsync();
        await new SeedDemoProgrammes(dataSource, new CallerContext(), new Payung.Programs.Rates.RateTableCache(dataSource)).ExecuteAsync();
        var clock = TimeProvider.System;
        var calendar = new BusinessCalendar(clock);
        var caller = new CallerContext();
        var selfPaid = new SelfPaidContribution(new Payung.Programs.Rates.RateTableCache(dataSource));
        SeedDemoBilling Seed() => new(dataSource, caller, new GenerateBills(dataSource, caller, clock, calendar),
            new RecordPayment(dataSource, caller, clock, calendar), selfPaid, clock);

        var first = await Seed().ExecuteAsync();
        var second = await Seed().ExecuteAsync();

        Assert.True(first.Seeded);
        Assert.Equal(5 + 12 + 6 + 1, first.Bills);
        Assert.Equal(5, first.Payments);
        Assert.False(second.Seeded);
        var ls = SeedDemoProgrammes.LampungSelatanProgrammeId;
        Assert.Equal(375_060_000L, await ScalarAsync(dataSource, "select sum(total)::bigint from billing.bill where programme_id = $1", ls));
        Assert.Equal(375_060_000L, await ScalarAsync(dataSource,
            "select sum(a.amount)::bigint from billing.payment_allocation a join billing.bill b on b.id = a.bill_id where b.programme_id = $1", ls));
        Assert.Equal(4_465L * 5, await ScalarAsync(dataSource,
            "select count(*) from billing.contribution where programme_id = $1 and paid_on = date '2025-05-08'", ls));
        var bdl = SeedDemoProgrammes.BandarLampungProgrammeId;
        Assert.Equal(2_951L * 6 * 16_800, await ScalarAsync(dataSource,
            "select sum(a.amount)::bigint from billing.payment_allocation a join billing.bill b on b.id = a.bill_id where b.programme_id = $1", bdl));

        // One Bandar Lampung participant: April paid late in May, inside the arrears window (continuous, protected from the
        // payment day, so not on its last day), May protected from the 20th, October lapsed.
        var worker = (Guid)await ScalarObjectAsync(dataSource, "select min(worker_id::text)::uuid from programs.billable_month where programme_id = $1", bdl);
        var ledger = await WorkerLedgerAsync(dataSource, worker);
        var facts = new ProtectionFacts(ledger, await ReadRulesAsync(dataSource),
            await new Payung.Infrastructure.Rules.WorkingCalendarCache(dataSource).GetAsync(CancellationToken.None));
        string State(string day) => ProtectionEvaluator.Evaluate(DateOnly.Parse(day), facts, calendar.Today()).State;
        Assert.Equal(("protected", "protected_from_payment", "protected_from_payment", "protected", "unpaid", "inactive"),
            (State("2025-02-01"), State("2025-04-30"), State("2025-05-25"), State("2025-06-30"), State("2025-07-31"), State("2025-10-31")));
        Assert.InRange(await ScalarAsync(dataSource, "select count(*) from billing.contribution where source = 'self_paid' and month = date '2025-10-01'"),
            4_465 * 30 / 100, 4_465 * 50 / 100);

        // Every self-paid month costs what the rate tables say for its month and the worker's sector, and is one payment.
        await using (var cmd = dataSource.CreateCommand("""
            select distinct c.month, p.occupation_sector, c.amount_due, c.amount_paid
              from billing.contribution c join registry.worker_profile p on p.id = c.worker_id
             where c.source = 'self_paid'
            """))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            var seen = 0;
            while (await r.ReadAsync())
            {
                var month = ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(0));
                var quote = await selfPaid.QuoteAsync(month, r.GetString(1), default);
                Assert.Equal((quote!.Total, quote.Total), (r.GetInt64(2), r.GetInt64(3)));
                seen++;
            }

            Assert.True(seen >= 6, "self-paid months of at least six months");
        }

        Assert.Equal(await ScalarAsync(dataSource, "select count(*) from billing.contribution where source = 'self_paid'"),
            await ScalarAsync(dataSource, "select count(*) from billing.self_paid_payment"));
    }

    private static async Task<List<LedgerMonth>> WorkerLedgerAsync(NpgsqlDataSource dataSource, Guid workerId)
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        return await WorkerLedger.ReadAsync(conn, workerId, null, CancellationToken.None);
    }

    private static async Task<IReadOnlyList<ProtectionRule>> ReadRulesAsync(NpgsqlDataSource dataSource)
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        return await ProtectionRule.ReadAllAsync(conn, CancellationToken.None);
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql, Guid? id = null) =>
        Convert.ToInt64(await ScalarObjectAsync(dataSource, sql, id), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<object> ScalarObjectAsync(NpgsqlDataSource dataSource, string sql, Guid? id)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        if (id is { } value)
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = value });
        }

        return (await cmd.ExecuteScalarAsync())!;
    }
}
