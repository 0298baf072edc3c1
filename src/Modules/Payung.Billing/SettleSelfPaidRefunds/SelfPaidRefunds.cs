using System.Globalization;
using System.Text.Json;
using Npgsql;
using Payung.Shared;

namespace Payung.Billing.SettleSelfPaidRefunds;

/// <summary>A self-paid month after the worker's death, owed back to the payer or refunded (<c>billing.self_paid_refund</c>).</summary>
internal sealed record SelfPaidRefundResponse(
    Guid WorkerId, string Nik, string FullName, string VillageCode, string Month, long Amount, string PaidOn, string? Kpj,
    string? Reference, string DeathDate, string Status, string? RefundedOn, string? RefundReference, string? RefundedBy);

internal sealed record MarkRefundedRequest(string? RefundedOn, string? Reference);

/// <summary>The reading both use cases share: refunds in the caller's scope, NIK masked as the role requires.</summary>
internal static class SelfPaidRefundRows
{
    public const string Select = """
        select f.worker_id, w.nik, w.full_name, f.village_code, f.month, f.amount, f.paid_on, f.kpj, f.reference, f.death_date,
               f.status, f.refunded_on, f.refund_reference, f.refunded_by
          from billing.self_paid_refund f
          join registry.worker_identity w on w.id = f.worker_id
        """;

    public static SelfPaidRefundResponse Read(NpgsqlDataReader r, CallerScope scope) => new(
        r.GetGuid(0), PersonalData.For(scope, r.GetString(1))!, r.GetString(2), r.GetString(3),
        r.GetFieldValue<DateOnly>(4).ToString("yyyy-MM", CultureInfo.InvariantCulture), r.GetInt64(5), Day(r, 6)!,
        r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8), Day(r, 9)!, r.GetString(10), Day(r, 11),
        r.IsDBNull(12) ? null : r.GetString(12), r.IsDBNull(13) ? null : r.GetString(13));

    private static string? Day(NpgsqlDataReader r, int i) =>
        r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary><c>GET /self-paid-refunds?status=owed|refunded&amp;page=</c>: what is owed back to whom, oldest month first.</summary>
internal sealed class ListSelfPaidRefunds(NpgsqlDataSource dataSource, CallerContext caller)
{
    public const int PageSize = 50;

    public async Task<Outcome<Paged<SelfPaidRefundResponse>>> ExecuteAsync(string? status, int? page, CancellationToken ct)
    {
        status = string.IsNullOrWhiteSpace(status) ? null : status;
        if (status is not (null or "owed" or "refunded"))
        {
            return Refusal.Invalid("status", "Status harus owed atau refunded.");
        }

        if (page is < 1)
        {
            return Refusal.Invalid("page", "Halaman mulai dari 1.");
        }

        var scope = caller.Scope;
        var number = page ?? 1;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand($"""
            select q.*, count(*) over () from ({SelfPaidRefundRows.Select}
             where {ScopeSql.Predicate("f.regency_code", "f.village_code", 1)} and ($4::text is null or f.status = $4)
            ) q
             order by q.month, q.village_code, q.worker_id
             limit {PageSize} offset $5
            """, conn);
        ScopeSql.AddParameters(cmd, scope);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (number - 1) * PageSize });
        var items = new List<SelfPaidRefundResponse>();
        var total = 0;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            total = (int)r.GetInt64(14);
            items.Add(SelfPaidRefundRows.Read(r, scope));
        }

        return new Paged<SelfPaidRefundResponse>(items, number, PageSize, total);
    }
}

/// <summary>
/// <c>PUT /workers/{nik}/self-paid-refunds/{month}</c>: records that a refund owed went back to the payer — the day and
/// the transfer reference — once, audited. The same request again answers the recorded refund; a different one is a
/// conflict (a correction is not an overwrite).
/// </summary>
internal sealed class MarkSelfPaidRefunded(NpgsqlDataSource dataSource, CallerContext caller, TimeProvider clock, BusinessCalendar calendar)
{
    public async Task<Outcome<SelfPaidRefundResponse>> ExecuteAsync(string nik, string monthText, MarkRefundedRequest? request,
        CancellationToken ct)
    {
        if (!ContributionMonth.TryParse(monthText, out var month))
        {
            return Refusal.Invalid("month", "Bulan iuran harus berformat yyyy-MM.");
        }

        if (!DateOnly.TryParseExact(request?.RefundedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var refundedOn))
        {
            return Refusal.Invalid("refundedOn", "Tanggal pengembalian harus berformat yyyy-MM-dd.");
        }

        if (refundedOn > calendar.Today())
        {
            return Refusal.Invalid("refundedOn", "Tanggal pengembalian tidak boleh di masa depan.");
        }

        var reference = request!.Reference?.Trim();
        if (reference is not { Length: >= 3 and <= 100 } || reference.Any(char.IsControl))
        {
            return Refusal.Invalid("reference", "Nomor bukti transfer 3–100 karakter, tanpa karakter kendali.");
        }

        var scope = caller.Scope;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var (worker, refused) = await BillingWorker.FindToChangeAsync(conn, tx, nik, scope, ct);
        if (worker is null)
        {
            return refused!;
        }

        string status;
        DateOnly paidOn;
        DateOnly? recordedOn;
        string? recordedReference;
        await using (var cmd = new NpgsqlCommand("""
            select status, paid_on, refunded_on, refund_reference from billing.self_paid_refund
             where worker_id = $1 and month = $2
             for update
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = worker.Id });
            cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = month.FirstDay });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct))
            {
                return Refusal.NotFound("refund.not_found", "Tidak ada pengembalian iuran mandiri untuk bulan ini.");
            }

            (status, paidOn) = (r.GetString(0), r.GetFieldValue<DateOnly>(1));
            recordedOn = r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2);
            recordedReference = r.IsDBNull(3) ? null : r.GetString(3);
        }

        if (status == "refunded")
        {
            if (recordedOn != refundedOn || recordedReference != reference)
            {
                return Refusal.Conflict("refund.already_refunded", "Pengembalian ini sudah dicatat.",
                    $"Dicatat {recordedOn:yyyy-MM-dd} dengan bukti {recordedReference}.");
            }

            await tx.RollbackAsync(ct);
            return await ReadAsync(conn, worker.Id, month, scope, ct);
        }

        if (refundedOn < paidOn)
        {
            return Refusal.Invalid("refundedOn", $"Tanggal pengembalian tidak boleh sebelum tanggal bayar ({paidOn:yyyy-MM-dd}).");
        }

        await using (var cmd = new NpgsqlCommand("""
            update billing.self_paid_refund
               set status = 'refunded', refunded_on = $3, refund_reference = $4, refunded_by = $5, updated_at = $6
             where worker_id = $1 and month = $2
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = worker.Id });
            cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = month.FirstDay });
            cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = refundedOn });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reference });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = scope.ActorName });
            cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await AuditWriter.WriteAsync(conn, tx, scope,
        [
            new AuditRecord("update", "self_paid_refund", $"{worker.Id}:{month}", worker.VillageCode,
                JsonSerializer.Serialize(new { status }),
                JsonSerializer.Serialize(new { status = "refunded", refundedOn = refundedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reference })),
        ], ct);
        await tx.CommitAsync(ct);
        return await ReadAsync(conn, worker.Id, month, scope, ct);
    }

    private static async Task<SelfPaidRefundResponse> ReadAsync(NpgsqlConnection conn, Guid workerId, ContributionMonth month, CallerScope scope,
        CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"{SelfPaidRefundRows.Select} where f.worker_id = $1 and f.month = $2", conn);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workerId });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = month.FirstDay });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return SelfPaidRefundRows.Read(r, scope);
    }
}
