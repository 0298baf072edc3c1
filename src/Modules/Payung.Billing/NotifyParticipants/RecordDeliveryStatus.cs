using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Payung.Billing.NotifyParticipants;

internal sealed record DeliveryStatusRequest(string? Status, string? ProviderRef, string? Error);

internal sealed record DeliveryStatusResponse(Guid Id, string Status, int Attempts, string? LastError, DateTimeOffset? DeliveredAt);

/// <summary>
/// A provider reporting back on a message it accepted: delivered, or failed after all (which puts the message back
/// in line for another attempt while attempts remain). The report must name the reference the provider gave when it
/// accepted the message, so a caller cannot flip messages it never handled; delivered twice is answered again.
/// </summary>
internal sealed class RecordDeliveryStatus(NpgsqlDataSource dataSource, CallerContext caller, TimeProvider clock)
{
    public async Task<Outcome<DeliveryStatusResponse>> ExecuteAsync(Guid id, DeliveryStatusRequest? request, CancellationToken ct)
    {
        if (request?.Status is not ("delivered" or "failed"))
        {
            return Refusal.Invalid("status", "Status harus delivered atau failed.");
        }

        if (request.ProviderRef?.Trim() is not { Length: >= 1 and <= 200 })
        {
            return Refusal.Invalid("providerRef", "Referensi penyedia wajib diisi (paling panjang 200 karakter).");
        }

        if (request.Error is { Length: > 500 })
        {
            return Refusal.Invalid("error", "Keterangan gagal paling panjang 500 karakter.");
        }

        var scope = caller.Scope;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        string status, villageCode;
        string? providerRef;
        await using (var cmd = new NpgsqlCommand($"""
            select status, provider_ref, village_code from billing.notification
             where id = $1 and {ScopeSql.Predicate("regency_code", "village_code", 2)}
             for update
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            ScopeSql.AddParameters(cmd, scope);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct))
            {
                return Refusal.NotFound("notification.not_found", "Pesan tidak ditemukan.");
            }

            (status, providerRef, villageCode) = (r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2));
        }

        if (!scope.Covers(villageCode))
        {
            return Refusal.Forbidden("region.out_of_scope", "Pesan di luar wilayah Anda.");
        }

        if (providerRef != request.ProviderRef.Trim())
        {
            return Refusal.Rule("notification.provider_ref_mismatch", "Referensi penyedia tidak cocok dengan pesan ini.");
        }

        if (status == request.Status || (status == "delivered" && request.Status == "failed"))
        {
            // Repeated reports are answered again; a late failure report cannot undo a confirmed delivery.
            if (status != request.Status)
            {
                return Refusal.Rule("notification.already_delivered", "Pesan sudah terkirim ke penerima.");
            }

            return await ReadAsync(conn, tx, id, ct);
        }

        if (status != "sent")
        {
            return Refusal.Rule("notification.not_sent", "Pesan belum dikirim penyedia.", $"Status sekarang: {status}.");
        }

        await using (var cmd = new NpgsqlCommand("""
            update billing.notification
               set status = $2,
                   delivered_at = case when $2 = 'delivered' then $3 end,
                   last_error = case when $2 = 'failed' then coalesce($4, 'gagal menurut penyedia') else last_error end,
                   updated_at = $3
             where id = $1
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.Status });
            cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)request.Error?.Trim() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await AuditWriter.WriteAsync(conn, tx, scope,
        [
            new AuditRecord("update", "notification", id.ToString(), villageCode,
                JsonSerializer.Serialize(new { status }), JsonSerializer.Serialize(new { status = request.Status, error = request.Error })),
        ], ct);
        var response = await ReadAsync(conn, tx, id, ct);
        await tx.CommitAsync(ct);
        return response;
    }

    private static async Task<DeliveryStatusResponse> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "select status, attempts, last_error, delivered_at from billing.notification where id = $1", conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new DeliveryStatusResponse(id, r.GetString(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetString(2),
            r.IsDBNull(3) ? null : r.GetFieldValue<DateTimeOffset>(3));
    }
}
