using Npgsql;
using Payung.Shared;

namespace Payung.Billing.ReviewBills;

internal sealed record BillLineResponse(
    int LineNo, Guid WorkerId, string Nik, string FullName, string Month, string Kind, long? Jkk, long? Jkm, long? Jht, long Amount,
    string RateVersion, string VillageCode, string? Reason, bool Paid);

/// <summary>
/// The lines of one bill that lie in the caller's scope (a village operator sees its village's participants of a
/// regency programme), with the NIK masked for roles that do not need it in full. 404 when the bill's programme
/// is outside the scope.
/// </summary>
public sealed class BillLines(NpgsqlDataSource dataSource, CallerContext caller)
{
    public const int PageSize = 100;

    internal async Task<Outcome<Paged<BillLineResponse>>> ExecuteAsync(Guid billId, int? page, CancellationToken ct)
    {
        if (page is < 1 or > 100_000)
        {
            return Refusal.Invalid("page", "Halaman harus 1 atau lebih.");
        }

        var scope = caller.Scope;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        Guid programmeId;
        await using (var cmd = new NpgsqlCommand("select programme_id from billing.bill where id = $1", conn))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = billId });
            if (await cmd.ExecuteScalarAsync(ct) is not Guid found)
            {
                return Refusal.NotFound("bill.not_found", "Tagihan tidak ditemukan.");
            }

            programmeId = found;
        }

        if (await BillingProgramme.FindAsync(conn, null, programmeId, scope, ct) is null)
        {
            return Refusal.NotFound("bill.not_found", "Tagihan tidak ditemukan.");
        }

        var number = page ?? 1;
        await using var lines = new NpgsqlCommand($"""
            select l.line_no, l.worker_id, w.nik, w.full_name, l.month, l.kind, l.jkk_amount, l.jkm_amount, l.jht_amount, l.amount,
                   l.rate_version, l.village_code, l.reason, coalesce(c.paid_on is not null, false), count(*) over ()
              from billing.bill_line l
              join registry.worker_identity w on w.id = l.worker_id
              left join billing.contribution c on c.worker_id = l.worker_id and c.month = l.month and c.programme_id = $6
             where l.bill_id = $1 and {ScopeSql.Predicate("l.regency_code", "l.village_code", 2)}
             order by l.line_no
             limit {PageSize} offset $5
            """, conn);
        lines.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = billId });
        ScopeSql.AddParameters(lines, scope);
        lines.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (number - 1) * PageSize });
        lines.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
        var items = new List<BillLineResponse>();
        var total = 0;
        await using var r = await lines.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            total = (int)r.GetInt64(14);
            items.Add(new BillLineResponse(r.GetInt32(0), r.GetGuid(1), PersonalData.For(scope, r.GetString(2))!, r.GetString(3),
                r.GetFieldValue<DateOnly>(4).ToString("yyyy-MM"), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetInt64(6), r.IsDBNull(7) ? null : r.GetInt64(7), r.IsDBNull(8) ? null : r.GetInt64(8),
                r.GetInt64(9), r.GetString(10), r.GetString(11), r.IsDBNull(12) ? null : r.GetString(12), r.GetBoolean(13)));
        }

        return new Paged<BillLineResponse>(items, number, PageSize, total);
    }
}
