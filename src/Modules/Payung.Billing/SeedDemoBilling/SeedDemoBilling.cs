using Npgsql;
using Payung.Billing.GenerateMonthlyBills;
using Payung.Billing.RecordPayment;
using Payung.Programs.Contracts;
using Payung.Programs.SeedDemoProgrammes;
using Payung.Shared;

namespace Payung.Billing.SeedDemoBilling;

public sealed record SeedDemoBillingResult(bool Seeded, int Bills, int Payments, int SelfPaidMonths);

/// <summary>
/// Bills and payments for the named seed programmes, so the demo shows money and protection: through the real use
/// cases (<see cref="GenerateBills"/>, <see cref="RecordPayment.RecordPayment"/>), acting as the system.
/// <list type="bullet">
/// <item>Lampung Selatan, Bangka Selatan, Kaur: one SP2D before the first due date — every month protected.</item>
/// <item>Bandar Lampung: January–March paid on 10 January; April–June paid late on 20 May, inside the arrears window,
/// so April and May are protected from the payment day, 20 May (no break), and June on time; July–December stay unpaid, so the
/// membership lapses in October.</item>
/// <item>After Lampung Selatan's programme ended (September 2025), some participants continued paying themselves:
/// self-paid ledger months for a deterministic share of them (about 40% in October, falling to about 15% after six
/// months), each at what the rate tables make that month cost the worker's sector (<see cref="SelfPaidContribution"/>),
/// which the retention figures count.</item>
/// </list>
/// The Lahat village-fund programmes are left to the automatic billing run. Idempotent: nothing happens once the
/// Lampung Selatan programme has a bill.
/// </summary>
public sealed class SeedDemoBilling(NpgsqlDataSource dataSource, CallerContext caller, GenerateBills generate, RecordPayment.RecordPayment record,
    SelfPaidContribution selfPaid, TimeProvider clock)
{
    /// <summary>The first self-paid month after Lampung Selatan's programme (May–September 2025), and the most a worker continues.</summary>
    private const string SelfPaidFrom = "2025-10";

    private const int SelfPaidMaxMonths = 6;

    public async Task<SeedDemoBillingResult> ExecuteAsync(CancellationToken ct = default)
    {
        caller.Scope = CallerScope.System("data demo");
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using (var cmd = new NpgsqlCommand("select exists (select 1 from billing.bill where programme_id = $1)", conn))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = SeedDemoProgrammes.LampungSelatanProgrammeId });
            if ((bool)(await cmd.ExecuteScalarAsync(ct))!)
            {
                return new SeedDemoBillingResult(false, 0, 0, 0);
            }
        }

        Guid[] programmes =
        [
            SeedDemoProgrammes.LampungSelatanProgrammeId, SeedDemoProgrammes.BandarLampungProgrammeId,
            SeedDemoProgrammes.BangkaSelatanProgrammeId, SeedDemoProgrammes.KaurProgrammeId,
        ];
        var bills = 0;
        foreach (var id in programmes)
        {
            var outcome = await generate.ExecuteAsync(id, null, ct);
            if (!outcome.Succeeded)
            {
                return new SeedDemoBillingResult(false, bills, 0, 0); // the programme seed did not run (or not as expected)
            }

            bills += outcome.Value.BillsIssued;
        }

        var payments = 0;
        async Task PayAsync(Guid programme, string reference, string paidOn, Func<PaymentAllocator.OpenBill, bool> which)
        {
            await using var c = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await c.BeginTransactionAsync(ct);
            var open = (await PaymentAllocator.OpenBillsAsync(c, tx, programme, ct)).Where(which).ToList();
            await tx.RollbackAsync(ct);
            var amount = open.Sum(b => b.Outstanding);
            if (amount <= 0)
            {
                return;
            }

            var paid = await record.ExecuteAsync(programme,
                new RecordPaymentRequest(null, "sp2d", reference, paidOn, amount, open.Select(b => b.Id).ToList(), "Data demo"), ct);
            payments += paid.Succeeded ? 1 : 0;
        }

        await PayAsync(SeedDemoProgrammes.LampungSelatanProgrammeId, "SP2D/0412/BPKAD-LS/2025", "2025-05-08", _ => true);
        await PayAsync(SeedDemoProgrammes.BangkaSelatanProgrammeId, "SP2D/1187/BPKAD-BS/2025", "2025-09-10", _ => true);
        await PayAsync(SeedDemoProgrammes.KaurProgrammeId, "SP2D/2210/BPKAD-KR/2024", "2024-12-05", _ => true);
        await PayAsync(SeedDemoProgrammes.BandarLampungProgrammeId, "SP2D/0031/BPKAD-BL/2025", "2025-01-10", b => b.Month.Month <= 3);
        await PayAsync(SeedDemoProgrammes.BandarLampungProgrammeId, "SP2D/0544/BPKAD-BL/2025", "2025-05-20", b => b.Month.Month is >= 4 and <= 6);

        var selfPaidMonths = await SelfPaidAfterLampungSelatanAsync(conn, ct);
        return new SeedDemoBillingResult(true, bills, payments, selfPaidMonths);
    }

    private async Task<int> SelfPaidAfterLampungSelatanAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        // What each month costs a self-paid worker of each sector, from the rate tables (so PP 50/2025's half-price
        // months from April 2026 are seeded at the discounted amount, transport workers' from January 2026).
        var (months, sectors, amounts) = (new List<DateOnly>(), new List<string>(), new List<long>());
        var first = ContributionMonth.Parse(SelfPaidFrom);
        for (var month = first; month < first.PlusMonths(SelfPaidMaxMonths); month = month.PlusMonths(1))
        {
            foreach (var sector in SelfPaidContribution.Sectors.Append(null))
            {
                if (await selfPaid.QuoteAsync(month, sector, ct) is { } quote)
                {
                    months.Add(month.FirstDay);
                    sectors.Add(sector ?? "");
                    amounts.Add(quote.Total);
                }
            }
        }

        // A worker continues for k months (0–6) by a hash of its id: 60% stop at once, then fewer each month. Each month
        // is one payment on the 10th, recorded as the statement import records it (payment, then the ledger month).
        await using var cmd = new NpgsqlCommand("""
            with participants as (
                select distinct b.worker_id, b.village_code, b.regency_code,
                       abs(hashtext(b.worker_id::text)) % 100 as h
                  from programs.billable_month b
                 where b.programme_id = $1
            ),
            continued as (
                select p.worker_id, p.village_code, p.regency_code, coalesce(wp.occupation_sector, '') as sector,
                       case when h < 60 then 0 when h < 70 then 1 when h < 78 then 2 when h < 85 then 3 when h < 90 then 5 else 6 end as months
                  from participants p
                  left join registry.worker_profile wp on wp.id = p.worker_id
            ),
            due as (
                select * from unnest($3::date[], $4::text[], $5::bigint[]) as d (month, sector, amount)
            ),
            paid as (
                select c.worker_id, m.month, d.amount, (m.month + 9)::date as paid_on, c.village_code, c.regency_code
                  from continued c
                 cross join lateral (select ($6::date + make_interval(months => g))::date as month from generate_series(0, c.months - 1) g) m
                  join due d on d.month = m.month and d.sector = c.sector
            ),
            payments as (
                insert into billing.self_paid_payment (worker_id, month, paid_on, amount, village_code, regency_code, created_at, updated_at)
                select worker_id, month, paid_on, amount, village_code, regency_code, $2, $2 from paid
                on conflict do nothing
            )
            insert into billing.contribution (worker_id, month, source, amount_due, amount_paid, paid_on, village_code, regency_code, updated_at)
            select worker_id, month, 'self_paid', amount, amount, paid_on, village_code, regency_code, $2
              from paid
            on conflict (worker_id, month) do nothing
            """, conn) { CommandTimeout = 600 }; // a busy machine can take longer than Npgsql's 30 s default
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = SeedDemoProgrammes.LampungSelatanProgrammeId });
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = [.. months] });
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. sectors] });
        cmd.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. amounts] });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = first.FirstDay });
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
