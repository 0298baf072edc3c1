using System.Text.Json;
using Npgsql;

namespace Payung.Billing.RecordPayment;

internal sealed record AllocatePaymentRequest(IReadOnlyList<Guid>? BillIds);

/// <summary>
/// Allocates what is still unallocated on a payment (an over-payment, or money that arrived before its bill was
/// issued) to the programme's open bills, oldest first or the bills named. Audited.
/// </summary>
public sealed class AllocatePayment(NpgsqlDataSource dataSource, CallerContext caller, TimeProvider clock)
{
    internal async Task<Outcome<PaymentResponse>> ExecuteAsync(Guid paymentId, AllocatePaymentRequest? request, CancellationToken ct)
    {
        var scope = caller.Scope;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var found = await PaymentQueries.FindAsync(conn, tx, paymentId, ct);
        var programme = found is null ? null : await BillingProgramme.FindAsync(conn, tx, found.ProgrammeId, scope, ct);
        if (found is null || programme is null)
        {
            return Refusal.NotFound("payment.not_found", "Pembayaran tidak ditemukan.");
        }

        if (!scope.Covers(programme.RegionCode))
        {
            return Refusal.Forbidden("region.out_of_scope", "Program di luar wilayah Anda.");
        }

        await PaymentAllocator.LockProgrammeAsync(conn, tx, programme.Id, ct);
        var payment = (await PaymentQueries.FindAsync(conn, tx, paymentId, ct))!;
        if (payment.Unallocated <= 0)
        {
            return Refusal.Rule("payment.fully_allocated", "Pembayaran sudah teralokasi seluruhnya.");
        }

        var bills = await PaymentAllocator.OpenBillsAsync(conn, tx, programme.Id, ct);
        if (request?.BillIds is { Count: > 0 } named)
        {
            if (named.Any(id => bills.All(b => b.Id != id)))
            {
                return Refusal.Rule("payment.bill_not_in_programme", "Tagihan tidak ditemukan pada program ini.");
            }

            bills = named.Distinct().Select(id => bills.Single(b => b.Id == id)).ToList();
        }

        var allocations = await PaymentAllocator.AllocateAsync(conn, tx, programme.Id, paymentId,
            DateOnly.ParseExact(payment.PaidOn, "yyyy-MM-dd"), payment.Unallocated, bills, clock.GetUtcNow(), ct);
        if (allocations.Count == 0)
        {
            return Refusal.Rule("payment.nothing_to_allocate", "Tidak ada tagihan terbuka untuk dialokasikan.");
        }

        await AuditWriter.WriteAsync(conn, tx, scope,
            [new AuditRecord("update", "payment", paymentId.ToString(), programme.RegionCode, null, JsonSerializer.Serialize(allocations))], ct);
        await tx.CommitAsync(ct);
        return (await PaymentQueries.FindAsync(conn, null, paymentId, ct))!;
    }
}
