using Npgsql;
using Payung.Shared;

namespace Payung.Billing;

/// <summary>A worker as Billing reads it, through <c>registry.worker_identity</c> (the registry's contract view), within the caller's scope.</summary>
internal sealed record BillingWorker(Guid Id, string Nik, string FullName, string? Phone, string VillageCode, string RegencyCode, DateOnly? DeathDate)
{
    public static Task<BillingWorker?> FindByNikAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string? nik, CallerScope scope, CancellationToken ct) =>
        nik is null || nik.Length != 16 || !nik.All(char.IsAsciiDigit)
            ? Task.FromResult<BillingWorker?>(null)
            : FindAsync(conn, tx, "nik = $1", new NpgsqlParameter<string> { TypedValue = nik }, scope, ct);

    /// <summary>
    /// The worker a change names, or why it cannot be made: 404 when the NIK names no worker the caller may see (a worker
    /// outside the scope reads as not found), 403 should the scope ever see a worker it may not change.
    /// </summary>
    public static async Task<(BillingWorker? Worker, Refusal? Refused)> FindToChangeAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        string nik, CallerScope scope, CancellationToken ct)
    {
        var worker = await FindByNikAsync(conn, tx, nik, scope, ct);
        return worker is null ? (null, Refusal.NotFound("worker.not_found", "Pekerja tidak ditemukan."))
            : !scope.Covers(worker.VillageCode) ? (null, Refusal.Forbidden("region.out_of_scope", "Pekerja di luar wilayah Anda."))
            : (worker, null);
    }

    public static Task<BillingWorker?> FindByIdAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid id, CallerScope scope, CancellationToken ct) =>
        FindAsync(conn, tx, "id = $1", new NpgsqlParameter<Guid> { TypedValue = id }, scope, ct);

    private static async Task<BillingWorker?> FindAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string condition, NpgsqlParameter key,
        CallerScope scope, CancellationToken ct)
    {
        if (!scope.CanSeePersonalData)
        {
            return null;
        }

        await using var cmd = new NpgsqlCommand($"""
            select id, nik, full_name, phone, village_code, regency_code, death_date
              from registry.worker_identity
             where {condition} and {ScopeSql.Predicate("regency_code", "village_code", 2)}
            """, conn, tx);
        cmd.Parameters.Add(key);
        ScopeSql.AddParameters(cmd, scope);
        await cmd.PrepareAsync(ct);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct))
        {
            return null;
        }

        return new BillingWorker(r.GetGuid(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4),
            r.GetString(5), r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6));
    }
}
