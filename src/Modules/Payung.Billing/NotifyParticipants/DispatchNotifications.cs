using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using Payung.Shared;

namespace Payung.Billing.NotifyParticipants;

internal sealed record DispatchResult(int Batches, int Sent, int Failed);

/// <summary>
/// Sends the outbox: takes queued messages — and failed ones whose retry time has come, up to
/// <c>notification_max_attempts</c> — in batches locked with <c>FOR UPDATE SKIP LOCKED</c>, so several processes can
/// dispatch at once without sending a message twice, hands each to the provider and records the outcome (status,
/// attempts, last error, provider and its reference, sent time) for the whole batch in one statement. A crash before
/// the commit leaves the batch queued, so a message may reach a provider twice but is never lost.
/// </summary>
internal sealed class DispatchNotifications(
    NpgsqlDataSource dataSource,
    INotificationProvider provider,
    TimeProvider clock,
    ILogger<DispatchNotifications> logger)
{
    public const int DefaultBatchSize = 100;

    public async Task<DispatchResult> RunAsync(int batchSize, int maxBatches, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        int batches = 0, sent = 0, failed = 0;
        while (batches < maxBatches)
        {
            var (taken, ok, ko) = await RunBatchAsync(batchSize, ct);
            if (taken == 0)
            {
                break;
            }

            batches++;
            sent += ok;
            failed += ko;
            if (taken < batchSize)
            {
                break;
            }
        }

        if (sent + failed > 0)
        {
            logger.LogInformation("Outbox: {Sent} messages sent, {Failed} failed through {Provider}", sent, failed, provider.Name);
        }

        return new DispatchResult(batches, sent, failed);
    }

    private async Task<(int Taken, int Sent, int Failed)> RunBatchAsync(int batchSize, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var settings = await OutboxSettings.ReadAsync(conn, tx, ct);
        var now = clock.GetUtcNow();
        var batch = new List<OutgoingMessage>();
        await using (var cmd = new NpgsqlCommand("""
            select id, kind, channel, recipient, body
              from billing.notification
             where status = 'queued'
                or (status = 'failed' and attempts < $1 and updated_at <= $2)
             order by created_at, id
             limit $3
               for update skip locked
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = settings.MaxAttempts });
            cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.AddMinutes(-settings.RetryMinutes) });
            cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = batchSize });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                batch.Add(new OutgoingMessage(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)));
            }
        }

        if (batch.Count == 0)
        {
            return (0, 0, 0);
        }

        var results = new List<SendResult>(batch.Count);
        foreach (var message in batch)
        {
            results.Add(await SendOneAsync(message, ct));
        }

        var at = clock.GetUtcNow();
        await using (var cmd = new NpgsqlCommand("""
            update billing.notification n
               set status = case when o.accepted then 'sent' else 'failed' end,
                   attempts = n.attempts + 1,
                   last_error = o.error,
                   provider = $4,
                   provider_ref = coalesce(o.provider_ref, n.provider_ref),
                   sent_at = case when o.accepted then $5 else n.sent_at end,
                   updated_at = $5
              from unnest($1::uuid[], $2::boolean[], $3::text[], $6::text[]) as o (id, accepted, error, provider_ref)
             where n.id = o.id
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = batch.Select(m => m.Id).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter<bool[]> { TypedValue = results.Select(x => x.Accepted).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = results.Select(x => x.Error).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = provider.Name });
            cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
            cmd.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = results.Select(x => x.ProviderRef).ToArray() });
            await cmd.ExecuteNonQueryAsync(ct);
        }

        var sent = results.Count(x => x.Accepted);
        await AuditWriter.WriteAsync(conn, tx, CallerScope.System("pengiriman pesan"),
        [
            new AuditRecord("update", "notification_dispatch", batch[0].Id.ToString(), null, null, JsonSerializer.Serialize(new
            {
                provider = provider.Name,
                sent = batch.Where((_, i) => results[i].Accepted).Select(m => m.Id),
                failed = batch.Where((_, i) => !results[i].Accepted).Select(m => m.Id),
            })),
        ], ct);
        await tx.CommitAsync(ct);
        return (batch.Count, sent, batch.Count - sent);
    }

    private async Task<SendResult> SendOneAsync(OutgoingMessage message, CancellationToken ct)
    {
        try
        {
            var result = await provider.SendAsync(message, ct);
            return result.Accepted && string.IsNullOrEmpty(result.ProviderRef)
                ? SendResult.Failed($"{provider.Name} accepted the message without a reference")
                : result;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A provider's fault is this message's failure, recorded and retried; it must not stop the batch.
            logger.LogWarning(e, "Provider {Provider} failed on message {Id}", provider.Name, message.Id);
            return SendResult.Failed(Truncate($"{e.GetType().Name}: {e.Message}"));
        }
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];
}
