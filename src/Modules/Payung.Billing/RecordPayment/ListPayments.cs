using Npgsql;

namespace Payung.Billing.RecordPayment;

/// <summary>A programme's payments with their allocations and unallocated rest; 404 outside the scope.</summary>
public sealed class ListPayments(NpgsqlDataSource dataSource, CallerContext caller)
{
    internal async Task<Outcome<List<PaymentResponse>>> ExecuteAsync(Guid programmeId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        if (await BillingProgramme.FindAsync(conn, null, programmeId, caller.Scope, ct) is null)
        {
            return Refusal.NotFound("programme.not_found", "Program tidak ditemukan.");
        }

        return await PaymentQueries.ListAsync(conn, programmeId, ct);
    }
}
