using Npgsql;
using Payung.Shared;

namespace Payung.Infrastructure;

/// <summary>
/// Writes audit rows on the caller's connection and transaction, so the trail and the change commit
/// or roll back together. EF changes reach it through <see cref="AuditInterceptor"/>; set-based SQL
/// (imports, billing runs) calls it directly.
/// </summary>
public static class AuditWriter
{
    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        CallerScope caller, IReadOnlyCollection<AuditRecord> records, CancellationToken ct = default)
    {
        if (records.Count == 0)
        {
            return;
        }

        var kind = caller.Kind switch
        {
            ActorKind.User => "user",
            ActorKind.ApiKey => "api_key",
            ActorKind.Anonymous => "anonymous",
            _ => "system",
        };
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var r in records)
        {
            var cmd = new NpgsqlBatchCommand("""
                insert into access.audit_log
                    (actor_kind, actor_id, actor_name, remote_ip, action, entity, entity_id, region_code, regency_code, before, after)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb)
                """);
            cmd.Parameters.Add(new NpgsqlParameter { Value = kind });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)caller.ActorId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
            cmd.Parameters.Add(new NpgsqlParameter { Value = caller.ActorName });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)caller.RemoteIp ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = r.Action });
            cmd.Parameters.Add(new NpgsqlParameter { Value = r.Entity });
            cmd.Parameters.Add(new NpgsqlParameter { Value = r.EntityId });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)r.RegionCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)RegencyOf(r.RegionCode) ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)r.Before ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)r.After ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            batch.BatchCommands.Add(cmd);
        }

        await batch.ExecuteNonQueryAsync(ct);
    }

    private static string? RegencyOf(string? regionCode) =>
        regionCode is { Length: >= 5 } ? regionCode[..5] : null;
}
