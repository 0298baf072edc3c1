using Npgsql;
using Payung.Shared;

namespace Payung.Billing.NotifyParticipants;

/// <summary>A message to queue; <see cref="DedupeKey"/> names the decision it comes from, so it is queued once.</summary>
internal sealed record QueuedMessage(
    string DedupeKey,
    string Kind,
    Guid WorkerId,
    Guid? ProgrammeId,
    ContributionMonth Month,
    string Recipient,
    string Body,
    string VillageCode,
    string RegencyCode);

/// <summary>Puts messages in the outbox in the caller's transaction, in one statement; a key already there is skipped.</summary>
internal static class OutboxQueue
{
    /// <summary>The dedupe keys that were new.</summary>
    public static async Task<IReadOnlySet<string>> QueueAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<QueuedMessage> messages,
        string channel, DateTimeOffset now, CancellationToken ct)
    {
        var added = new HashSet<string>(StringComparer.Ordinal);
        if (messages.Count == 0)
        {
            return added;
        }

        await using var cmd = new NpgsqlCommand("""
            insert into billing.notification (id, dedupe_key, kind, channel, worker_id, programme_id, month, recipient, body,
                                              village_code, regency_code, created_at, updated_at)
            select m.id, m.dedupe_key, m.kind, $11, m.worker_id, m.programme_id, m.month, m.recipient, m.body,
                   m.village_code, m.regency_code, $12, $12
              from unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::date[], $7::text[], $8::text[], $9::text[], $10::text[])
                   as m (id, dedupe_key, kind, worker_id, programme_id, month, recipient, body, village_code, regency_code)
            on conflict (dedupe_key) do nothing
            returning dedupe_key
            """, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = messages.Select(_ => Guid.CreateVersion7()).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = messages.Select(m => m.DedupeKey).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = messages.Select(m => m.Kind).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = messages.Select(m => m.WorkerId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<Guid?[]> { TypedValue = messages.Select(m => m.ProgrammeId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = messages.Select(m => m.Month.FirstDay).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = messages.Select(m => m.Recipient).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = messages.Select(m => m.Body).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = messages.Select(m => m.VillageCode).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = messages.Select(m => m.RegencyCode).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = channel });
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            added.Add(r.GetString(0));
        }

        return added;
    }
}
