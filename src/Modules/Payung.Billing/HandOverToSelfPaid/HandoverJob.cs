using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using Payung.Billing.NotifyParticipants;
using Payung.Infrastructure.Jobs;
using Payung.Shared;

namespace Payung.Billing.HandOverToSelfPaid;

internal sealed record HandoverJobResult(int ProgrammesInNotice, int HandoverQueued, int WithoutPhone, int RemindersQueued);

/// <summary>
/// The daily hand-over run: every billable programme in the creator's scope whose notice window is open today (from
/// <c>handover_notice_days</c> before its end up to its last day) gets its hand-over messages, then the self-paid
/// reminders are queued. Both are idempotent, so a restarted or repeated run queues nothing twice.
/// </summary>
internal sealed class HandoverJob(
    NpgsqlDataSource dataSource,
    HandOverToSelfPaid handover,
    SendSelfPaidReminders reminders,
    BusinessCalendar calendar,
    ILogger<HandoverJob> logger) : IJobHandler
{
    public const string JobKind = "billing.handover";

    public string Kind => JobKind;

    public static JobRequest Request(CallerScope caller) => new(JobKind, JsonSerializer.SerializeToElement(new { }), caller);

    public async Task RunAsync(JobContext context, CancellationToken ct)
    {
        var today = calendar.Today();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var settings = await OutboxSettings.ReadAsync(conn, null, ct);
        var due = (await BillingProgramme.ListBillableAsync(conn, context.Caller, ct))
            .Where(p => HandOverToSelfPaid.NoticeFrom(p, settings) <= today && today <= p.MonthTo.LastDay)
            .ToList();
        int queued = 0, withoutPhone = 0, done = 0;
        foreach (var programme in due)
        {
            var outcome = await handover.RunAsync(conn, programme, context.Caller, settings, auditEmptyRun: false, ct);
            if (outcome.Succeeded)
            {
                queued += outcome.Value.Queued;
                withoutPhone += outcome.Value.WithoutPhone;
            }
            else
            {
                logger.LogWarning("Hand-over of programme {Programme} refused: {Code}", programme.Id, outcome.Refusal.Code);
            }

            await context.ReportAsync("handover", ++done, due.Count, ct);
        }

        var reminded = await reminders.RunAsync(conn, context.Caller, calendar.CurrentMonth(), ct);
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            await context.CompleteAsync(conn, tx, new HandoverJobResult(due.Count, queued, withoutPhone, reminded.Queued), ct);
            await tx.CommitAsync(ct);
        }

        logger.LogInformation("Hand-over run {JobId}: {Programmes} programmes in notice, {Queued} hand-over messages, {Reminders} reminders",
            context.JobId, due.Count, queued, reminded.Queued);
    }
}
