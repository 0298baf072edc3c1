using Npgsql;
using NpgsqlTypes;
using Payung.Shared;

namespace Payung.Billing.NotifyParticipants;

internal sealed record NotificationResponse(
    Guid Id,
    string Kind,
    string Channel,
    Guid WorkerId,
    Guid? ProgrammeId,
    string? Month,
    string? Recipient,
    string? Body,
    string Status,
    int Attempts,
    string? LastError,
    string? Provider,
    string? ProviderRef,
    string VillageCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? DeliveredAt);

/// <summary>
/// The outbox within the caller's scope, newest first, 50 a page: filtered by kind, status, programme or worker. The
/// phone number and the text (which names the participant and the KPJ) are masked for roles that do not need them.
/// </summary>
internal sealed class ListNotifications(NpgsqlDataSource dataSource, CallerContext caller)
{
    public const int PageSize = 50;

    public async Task<Outcome<Paged<NotificationResponse>>> ExecuteAsync(string? kind, string? status, Guid? programmeId, Guid? workerId,
        int? page, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (kind is { Length: > 0 } && kind is not ("handover" or "self_paid_reminder"))
        {
            errors["kind"] = ["Jenis pesan harus handover atau self_paid_reminder."];
        }

        if (status is { Length: > 0 } && status is not ("queued" or "sent" or "delivered" or "failed"))
        {
            errors["status"] = ["Status harus queued, sent, delivered atau failed."];
        }

        if (page is < 1 or > 100_000)
        {
            errors["page"] = ["Halaman harus 1 atau lebih."];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        var scope = caller.Scope;
        var number = page ?? 1;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand($"""
            select id, kind, channel, worker_id, programme_id, month, recipient, body, status, attempts, last_error, provider,
                   provider_ref, village_code, created_at, sent_at, delivered_at, count(*) over ()
              from billing.notification
             where {ScopeSql.Predicate("regency_code", "village_code", 1)}
               and ($4::text is null or kind = $4)
               and ($5::text is null or status = $5)
               and ($6::uuid is null or programme_id = $6)
               and ($7::uuid is null or worker_id = $7)
             order by created_at desc, id
             limit {PageSize} offset $8
            """, conn);
        ScopeSql.AddParameters(cmd, scope);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)NullIfEmpty(kind) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)NullIfEmpty(status) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)programmeId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)workerId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (number - 1) * PageSize });
        var items = new List<NotificationResponse>();
        var total = 0;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            total = (int)r.GetInt64(17);
            items.Add(new NotificationResponse(
                r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetGuid(3), r.IsDBNull(4) ? null : r.GetGuid(4),
                r.IsDBNull(5) ? null : ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(5)).ToString(),
                PersonalData.For(scope, r.GetString(6), PersonalData.MaskPhone),
                scope.MasksPersonalData ? null : PersonalData.For(scope, r.GetString(7)),
                r.GetString(8), r.GetInt32(9), r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetString(11),
                r.IsDBNull(12) ? null : r.GetString(12), r.GetString(13), r.GetFieldValue<DateTimeOffset>(14),
                r.IsDBNull(15) ? null : r.GetFieldValue<DateTimeOffset>(15), r.IsDBNull(16) ? null : r.GetFieldValue<DateTimeOffset>(16)));
        }

        return new Paged<NotificationResponse>(items, number, PageSize, total);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
