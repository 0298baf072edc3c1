using System.Globalization;
using System.Text.Json;
using Npgsql;
using Payung.Shared;

namespace Payung.Billing.RecordPayment;

internal sealed record RecordPaymentRequest(
    Guid? PayerId,
    string? Method,
    string? Reference,
    string? PaidOn,
    long? Amount,
    IReadOnlyList<Guid>? BillIds,
    string? Note);

internal sealed record PaymentResponse(
    Guid Id,
    Guid ProgrammeId,
    Guid PayerId,
    string Method,
    string Reference,
    string PaidOn,
    long Amount,
    long Allocated,
    long Unallocated,
    IReadOnlyList<Allocation> Allocations,
    bool AlreadyRecorded);

/// <summary>
/// Records money received for a programme — a treasury SP2D or a bank transfer, from the programme's funder or its
/// co-funder — and allocates it to the programme's open bills (<see cref="PaymentAllocator"/>). A partial payment
/// leaves the bill partly open; an over-payment leaves the rest unallocated on the payment, shown and allocatable
/// later. The same payer, method and reference twice is the same payment: answered again, never recorded twice.
/// </summary>
public sealed class RecordPayment(NpgsqlDataSource dataSource, CallerContext caller, TimeProvider clock, BusinessCalendar calendar)
{
    public const long MaxAmount = 1_000_000_000_000;

    internal async Task<Outcome<PaymentResponse>> ExecuteAsync(Guid programmeId, RecordPaymentRequest? request, CancellationToken ct)
    {
        if (Validate(request, calendar.Today()) is { } invalid)
        {
            return invalid;
        }

        var r = request!;
        var paidOn = DateOnly.ParseExact(r.PaidOn!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var method = r.Method!.Trim().ToLowerInvariant();
        var reference = r.Reference!.Trim();
        var scope = caller.Scope;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var programme = await BillingProgramme.FindAsync(conn, tx, programmeId, scope, ct);
        if (programme is null)
        {
            return Refusal.NotFound("programme.not_found", "Program tidak ditemukan.");
        }

        if (!scope.Covers(programme.RegionCode))
        {
            return Refusal.Forbidden("region.out_of_scope", "Program di luar wilayah Anda.");
        }

        var payerId = r.PayerId ?? programme.FunderId;
        if (payerId != programme.FunderId && payerId != await CofunderAsync(conn, tx, programmeId, ct))
        {
            return Refusal.Rule("payment.payer_not_funder", "Pembayar bukan pemberi dana program ini.",
                "Pembayaran dicatat dari pemberi dana program atau pemberi dana bersamanya.");
        }

        await PaymentAllocator.LockProgrammeAsync(conn, tx, programmeId, ct);
        if (await PaymentQueries.FindByReferenceAsync(conn, tx, payerId, method, reference, ct) is { } existing)
        {
            if (existing.ProgrammeId != programmeId || existing.Amount != r.Amount || existing.PaidOn != paidOn.ToString("yyyy-MM-dd"))
            {
                return Refusal.Conflict("payment.duplicate_reference", "Nomor referensi sudah dipakai untuk pembayaran lain.",
                    $"Pembayaran {existing.Reference} tercatat {existing.PaidOn} sebesar Rp{existing.Amount:N0}.");
            }

            return existing with { AlreadyRecorded = true };
        }

        var bills = await PaymentAllocator.OpenBillsAsync(conn, tx, programmeId, ct);
        if (r.BillIds is { Count: > 0 } named)
        {
            var unknown = named.Where(id => bills.All(b => b.Id != id)).ToList();
            if (unknown.Count > 0)
            {
                return Refusal.Rule("payment.bill_not_in_programme", "Tagihan tidak ditemukan pada program ini.", string.Join(", ", unknown));
            }

            bills = named.Distinct().Select(id => bills.Single(b => b.Id == id)).ToList();
        }

        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        await using (var cmd = new NpgsqlCommand("""
            insert into billing.payment (id, programme_id, payer_id, method, reference, paid_on, amount, note, region_code, regency_code,
                                         created_at, created_by)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = payerId });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = method });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reference });
            cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = paidOn });
            cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = r.Amount!.Value });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)r.Note?.Trim() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = programme.RegionCode });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)programme.RegencyCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = scope.ActorName });
            await cmd.ExecuteNonQueryAsync(ct);
        }

        var allocations = await PaymentAllocator.AllocateAsync(conn, tx, programmeId, id, paidOn, r.Amount!.Value, bills, now, ct);
        var allocated = allocations.Sum(a => a.Amount);
        var response = new PaymentResponse(id, programmeId, payerId, method, reference, paidOn.ToString("yyyy-MM-dd"), r.Amount!.Value,
            allocated, r.Amount!.Value - allocated, allocations, false);
        await AuditWriter.WriteAsync(conn, tx, scope,
            [new AuditRecord("create", "payment", id.ToString(), programme.RegionCode, null, JsonSerializer.Serialize(response))], ct);
        await tx.CommitAsync(ct);
        return response;
    }

    private static async Task<Guid?> CofunderAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid programmeId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select cofunder_id from programs.programme_billing where id = $1", conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
        return await cmd.ExecuteScalarAsync(ct) as Guid?;
    }

    private static Refusal? Validate(RecordPaymentRequest? request, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            return Refusal.Invalid("", "Isi permintaan wajib diisi.");
        }

        if (request.Method?.Trim().ToLowerInvariant() is not ("sp2d" or "transfer"))
        {
            errors["method"] = ["Cara bayar harus sp2d atau transfer."];
        }

        if (request.Reference?.Trim() is not { Length: >= 3 and <= 100 } reference || reference.Any(char.IsControl))
        {
            errors["reference"] = ["Nomor SP2D atau referensi transfer wajib diisi (3–100 karakter)."];
        }

        if (!DateOnly.TryParseExact(request.PaidOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var paidOn))
        {
            errors["paidOn"] = ["Tanggal bayar harus berformat yyyy-MM-dd."];
        }
        else if (paidOn > today || paidOn.Year < 2015)
        {
            errors["paidOn"] = ["Tanggal bayar tidak boleh di masa depan atau sebelum 2015."];
        }

        if (request.Amount is not (> 0 and <= MaxAmount))
        {
            errors["amount"] = [$"Jumlah bayar harus lebih dari 0 dan paling banyak Rp{MaxAmount:N0}."];
        }

        if (request.Note is { Length: > 500 })
        {
            errors["note"] = ["Catatan paling panjang 500 karakter."];
        }

        return errors.Count > 0 ? Refusal.Invalid(errors) : null;
    }
}
