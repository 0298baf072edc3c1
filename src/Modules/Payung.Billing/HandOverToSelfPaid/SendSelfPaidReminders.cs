using System.Text.Json;
using Npgsql;
using Payung.Billing.CheckProtection;
using Payung.Billing.NotifyParticipants;
using Payung.Programs.Contracts;
using Payung.Infrastructure.Rules;
using Payung.Shared;

namespace Payung.Billing.HandOverToSelfPaid;

internal sealed record RemindersResult(int Candidates, int Queued, int AlreadyQueued);

/// <summary>
/// Reminds participants whose subsidy ended (the hand-over cohort) and who stopped paying themselves: the first month
/// after their last paid self-paid month (or after the subsidy) still without a paid <c>self_paid</c> ledger row
/// <c>reminder_after_unpaid_months</c> later, while fewer than the protection rule's <c>lapse_months</c> have passed —
/// after that the membership is inactive anyway. One message per worker and unpaid month (dedupe key
/// <c>reminder:{worker}:{yyyy-MM}</c>), through the same outbox, audited.
/// </summary>
internal sealed class SendSelfPaidReminders(SelfPaidContribution selfPaid, TimeProvider clock, WorkingCalendarCache workingDays)
{
    public const string Kind = "self_paid_reminder";

    private const string CandidatesSql = """
        with ends as (
            select distinct on (b.worker_id) b.worker_id, b.month, b.enrollment_status, b.enrollment_month_to, b.village_code, b.regency_code
              from programs.billable_month b
             where b.month < $1 and {scope}
             order by b.worker_id, b.month desc
        ),
        cohort as (
            select e.worker_id, e.month as last_funded, e.village_code, e.regency_code, w.full_name, w.phone, p.occupation_sector,
                   (select max(c.month) from billing.contribution c
                     where c.worker_id = e.worker_id and c.source = 'self_paid' and c.month > e.month
                       and c.amount_paid > 0 and c.amount_paid >= c.amount_due) as last_paid
              from ends e
              join registry.worker_identity w on w.id = e.worker_id
              left join registry.worker_profile p on p.id = e.worker_id
             where w.death_date is null and w.phone is not null
               and {ends_here}
        )
        select c.worker_id, c.full_name, c.phone, c.village_code, c.regency_code, c.occupation_sector,
               (coalesce(c.last_paid, c.last_funded) + interval '1 month')::date as unpaid,
               {kpj}
          from cohort c
         where (coalesce(c.last_paid, c.last_funded) + interval '1 month')::date <= $2
           and (coalesce(c.last_paid, c.last_funded) + interval '1 month')::date > $3
        """;

    public async Task<RemindersResult> RunAsync(NpgsqlConnection conn, CallerScope scope, ContributionMonth current, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        var settings = await OutboxSettings.ReadAsync(conn, tx, ct);
        var rules = await ProtectionRule.ReadAllAsync(conn, ct);
        var longestLapse = rules.Count == 0 ? 0 : rules.Max(r => r.LapseMonths);
        var sql = CandidatesSql
            .Replace("{scope}", ScopeSql.Predicate("b.regency_code", "b.village_code", 4), StringComparison.Ordinal)
            .Replace("{ends_here}", SelfPaidCohort.SubsidyEndsHere("e", "w", "(e.month + interval '1 month')::date"), StringComparison.Ordinal)
            .Replace("{kpj}", SelfPaidCohort.LatestKpj("c.worker_id"), StringComparison.Ordinal);
        var candidates = new List<(Guid Worker, string Name, string Phone, string Village, string Regency, string? Sector, ContributionMonth Unpaid, string? Kpj)>();
        await using (var cmd = new NpgsqlCommand(sql, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = current.FirstDay });
            cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = current.PlusMonths(-settings.ReminderAfterUnpaidMonths).FirstDay });
            cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = current.PlusMonths(-longestLapse).FirstDay });
            ScopeSql.AddParameters(cmd, scope);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                candidates.Add((r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
                    ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(6)), r.IsDBNull(7) ? null : r.GetString(7)));
            }
        }

        var calendar = await workingDays.GetAsync(ct);
        var messages = new List<QueuedMessage>();
        var quotes = new Dictionary<(ContributionMonth, string), SelfPaidQuote?>();
        foreach (var c in candidates)
        {
            // Arrears may be paid up to the end of the window after the last kept month; past it the membership is
            // inactive and a payment starts a new membership: no reminder to pay those months.
            if (ProtectionRule.For(rules, c.Unpaid) is not { } rule
                || current.FirstDay > ProtectionEvaluator.WindowEnd(c.Unpaid.PlusMonths(-1), rule))
            {
                continue;
            }

            var key = (c.Unpaid, c.Sector ?? "");
            if (!quotes.TryGetValue(key, out var quote))
            {
                quote = quotes[key] = await selfPaid.QuoteAsync(c.Unpaid, c.Sector, ct);
            }

            if (quote is null)
            {
                continue;
            }

            messages.Add(new QueuedMessage(DedupeKey(c.Worker, c.Unpaid), Kind, c.Worker, null, c.Unpaid, c.Phone,
                SelfPaidMessage.Reminder(c.Name, c.Unpaid, c.Kpj, quote.Total, rule, calendar, settings.PaymentInstructions),
                c.Village, c.Regency));
        }

        var added = await OutboxQueue.QueueAsync(conn, tx, messages, settings.Channel, clock.GetUtcNow(), ct);
        if (added.Count > 0)
        {
            await AuditWriter.WriteAsync(conn, tx, scope,
            [
                new AuditRecord("create", "self_paid_reminder", current.ToString(), null, null,
                    JsonSerializer.Serialize(new { month = current.ToString(), queued = added.Count, candidates = messages.Count })),
            ], ct);
        }

        await tx.CommitAsync(ct);
        return new RemindersResult(messages.Count, added.Count, messages.Count - added.Count);
    }

    public static string DedupeKey(Guid workerId, ContributionMonth unpaid) => $"reminder:{workerId}:{unpaid}";
}
