using Npgsql;
using Payung.Shared;

namespace Payung.Billing.GenerateMonthlyBills;

/// <summary>What one billing statement did for one programme and month: nothing, or one new bill.</summary>
internal sealed record ProgrammeMonthBill(Guid ProgrammeId, ContributionMonth Month, Guid? BillId, int Sequence, int Lines, long Total);

/// <summary>
/// Bills one programme for one contribution month with ONE SQL statement: the months the programme funds
/// (<c>programs.billable_month</c>, less months after a participant's death) are compared per worker with what the
/// month's issued bills already charge; if anything differs, a new bill is issued with a line per difference —
/// the regular bill (sequence 0, charge lines) the first time, an adjustment bill (late enrolments, endings,
/// deaths; refund lines where the month was already paid) afterwards — and the protection ledger's amount due
/// follows. Issued bills are never edited, so running it twice changes nothing.
/// </summary>
internal static class BillProgrammeMonth
{
    private const string Sql = """
        with prog as (
            select id, funder_id, region_code, regency_code from programs.programme_billing where id = $1
        ),
        expected as (
            select b.worker_id, b.enrollment_id, b.amount, b.jkk_amount, b.jkm_amount, b.jht_amount, b.rate_version,
                   b.village_code, b.regency_code
              from programs.billable_month b
              join registry.worker_identity w on w.id = b.worker_id
             where b.programme_id = $1 and b.month = $2
               and (w.death_date is null or w.death_date >= $2)
        ),
        billed as (
            select l.worker_id, sum(l.amount)::bigint as amount, sum(l.jkk_amount)::bigint as jkk, sum(l.jkm_amount)::bigint as jkm,
                   sum(l.jht_amount)::bigint as jht,
                   (array_agg(l.enrollment_id order by b.sequence desc, l.line_no))[1] as enrollment_id,
                   (array_agg(l.rate_version order by b.sequence desc, l.line_no))[1] as rate_version,
                   (array_agg(l.village_code order by b.sequence desc, l.line_no))[1] as village_code,
                   (array_agg(l.regency_code order by b.sequence desc, l.line_no))[1] as regency_code
              from billing.bill_line l
              join billing.bill b on b.id = l.bill_id
             where b.programme_id = $1 and b.month = $2
             group by l.worker_id
        ),
        diff as (
            select coalesce(e.worker_id, x.worker_id) as worker_id,
                   coalesce(e.enrollment_id, x.enrollment_id) as enrollment_id,
                   coalesce(e.amount, 0) - coalesce(x.amount, 0) as amount,
                   coalesce(e.jkk_amount, case when e.worker_id is null then 0 end) - coalesce(x.jkk, 0) as jkk,
                   coalesce(e.jkm_amount, case when e.worker_id is null then 0 end) - coalesce(x.jkm, 0) as jkm,
                   coalesce(e.jht_amount, case when e.worker_id is null then 0 end) - coalesce(x.jht, 0) as jht,
                   coalesce(e.rate_version, x.rate_version) as rate_version,
                   coalesce(e.village_code, x.village_code) as village_code,
                   coalesce(e.regency_code, x.regency_code) as regency_code,
                   case when x.worker_id is null then 'enrollment.late'
                        when e.worker_id is null and w.death_date is not null and w.death_date < $2 then 'worker.deceased'
                        when e.worker_id is null then 'enrollment.ended'
                        else 'amount.changed' end as reason,
                   coalesce(c.amount_paid, 0) > 0 as month_paid,
                   coalesce(e.amount, 0) as new_due
              from expected e
              full join billed x on x.worker_id = e.worker_id
              left join registry.worker_identity w on w.id = coalesce(e.worker_id, x.worker_id)
              left join billing.contribution c on c.worker_id = coalesce(e.worker_id, x.worker_id) and c.month = $2 and c.programme_id = $1
             where coalesce(e.amount, 0) <> coalesce(x.amount, 0)
        ),
        seq as (
            select coalesce(max(sequence) + 1, 0) as s from billing.bill where programme_id = $1 and month = $2
        ),
        new_bill as (
            insert into billing.bill (id, number, programme_id, month, sequence, kind, funder_id, region_code, regency_code,
                                      total, line_count, issued_at, issued_by)
            select $3, 'TGH/' || to_char($2, 'YYYYMM') || '/' || upper(right(replace($1::text, '-', ''), 12)) || '/' || seq.s,
                   $1, $2, seq.s, case when seq.s = 0 then 'regular' else 'adjustment' end,
                   prog.funder_id, prog.region_code, prog.regency_code,
                   (select sum(amount) from diff), (select count(*) from diff), $4, $5
              from prog, seq
             where exists (select 1 from diff)
            returning id, sequence
        ),
        lines as (
            insert into billing.bill_line (bill_id, line_no, worker_id, enrollment_id, month, kind, jkk_amount, jkm_amount, jht_amount,
                                           amount, rate_version, village_code, regency_code, reason)
            select nb.id, row_number() over (order by d.village_code, d.worker_id), d.worker_id, d.enrollment_id, $2,
                   case when nb.sequence = 0 then 'charge' when d.amount < 0 and d.month_paid then 'refund' else 'adjustment' end,
                   d.jkk, d.jkm, d.jht, d.amount, d.rate_version, d.village_code, d.regency_code,
                   case when nb.sequence = 0 then null else d.reason end
              from diff d cross join new_bill nb
            returning worker_id, amount, village_code, regency_code
        ),
        ledger as (
            insert into billing.contribution as c (worker_id, month, source, programme_id, amount_due, village_code, regency_code, updated_at)
            select l.worker_id, $2, 'programme', $1, d.new_due, l.village_code, l.regency_code, $4
              from lines l join diff d on d.worker_id = l.worker_id
            on conflict (worker_id, month) do update
               set amount_due = excluded.amount_due,
                   paid_on = case when c.amount_paid >= excluded.amount_due then c.paid_on end,
                   updated_at = excluded.updated_at
             where c.programme_id = $1
            returning 1
        )
        select nb.sequence, (select count(*) from lines)::int, coalesce((select sum(amount) from lines), 0)::bigint,
               (select count(*) from ledger)::int
          from new_bill nb
        """;

    public static async Task<ProgrammeMonthBill> RunAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid programmeId,
        ContributionMonth month, DateTimeOffset now, string issuedBy, CancellationToken ct)
    {
        // One bill run per programme and month at a time: a second one waits, then finds nothing left to bill.
        await using (var lockCmd = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended('billing.bill:' || $1::text || $2::text, 0))", conn, tx))
        {
            lockCmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
            lockCmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = month.FirstDay });
            await lockCmd.ExecuteNonQueryAsync(ct);
        }

        var billId = Guid.CreateVersion7();
        await using var cmd = new NpgsqlCommand(Sql, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = month.FirstDay });
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = billId });
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = issuedBy });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct))
        {
            return new ProgrammeMonthBill(programmeId, month, null, -1, 0, 0);
        }

        return new ProgrammeMonthBill(programmeId, month, billId, r.GetInt32(0), r.GetInt32(1), r.GetInt64(2));
    }
}
