using System.Text.Json;
using Npgsql;
using Payung.Infrastructure.Rules;
using Payung.Shared;

namespace Payung.Billing.CheckProtection;

internal sealed record RecordBackdateRequest(string? Status, string? Note);

/// <summary>
/// Tracks the request to BPJS to backdate a month that a late payment left as a gap: requested, then approved or
/// refused. Only a month paid after the arrears window can carry one (a month paid late inside the window keeps the
/// membership continuous and needs none), as <see cref="ProtectionEvaluator"/> judges it; an approved backdate makes
/// the month protected.
/// </summary>
internal sealed class RecordBackdate(NpgsqlDataSource dataSource, CallerContext caller, TimeProvider clock, WorkingCalendarCache workingDays)
{
    public async Task<Outcome<LedgerMonth>> ExecuteAsync(string nik, string monthText, RecordBackdateRequest? request, CancellationToken ct)
    {
        if (!ContributionMonth.TryParse(monthText, out var month))
        {
            return Refusal.Invalid("month", "Bulan iuran harus berformat yyyy-MM.");
        }

        if (request?.Status is not ("requested" or "approved" or "refused"))
        {
            return Refusal.Invalid("status", "Status harus requested, approved atau refused.");
        }

        if (request.Note is { Length: > 500 })
        {
            return Refusal.Invalid("note", "Catatan paling panjang 500 karakter.");
        }

        var scope = caller.Scope;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var (worker, refused) = await BillingWorker.FindToChangeAsync(conn, tx, nik, scope, ct);
        if (worker is null)
        {
            return refused!;
        }

        string? before;
        await using (var cmd = new NpgsqlCommand("""
            select c.backdate_status
              from billing.contribution c
             where c.worker_id = $1 and c.month = $2 and c.paid_on is not null
             for update of c
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = worker.Id });
            cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = month.FirstDay });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct))
            {
                return NotAfterWindow;
            }

            before = r.IsDBNull(0) ? null : r.GetString(0);
        }

        // Judged without any backdate: would the month be a gap?
        var ledger = (await WorkerLedger.ReadAsync(conn, worker.Id, month, ct))
            .Select(l => l.Month == month ? l with { BackdateStatus = null } : l).ToList();
        await using (var rulesCmd = new NpgsqlCommand(ProtectionRule.SelectAll, conn, tx))
        {
            IReadOnlyList<ProtectionRule> rules;
            await using (var r = await rulesCmd.ExecuteReaderAsync(ct))
            {
                rules = await ProtectionRule.ReadAsync(r, ct);
            }

            var facts = new ProtectionFacts(ledger, rules, await workingDays.GetAsync(ct),
                await WorkerLedger.MembershipStartAsync(conn, tx, worker.Id, ct));
            if (ProtectionEvaluator.Evaluate(month.LastDay, facts, month.LastDay).State != "gap")
            {
                return NotAfterWindow;
            }
        }

        if (before is "approved" or "refused" && request.Status == "requested")
        {
            return Refusal.Rule("backdate.already_decided", "Permohonan berlaku surut sudah diputuskan BPJS.");
        }

        await using (var cmd = new NpgsqlCommand("""
            update billing.contribution set backdate_status = $3, backdate_note = $4, updated_at = $5 where worker_id = $1 and month = $2
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = worker.Id });
            cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = month.FirstDay });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.Status });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)request.Note?.Trim() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await AuditWriter.WriteAsync(conn, tx, scope,
        [
            new AuditRecord("update", "contribution", $"{worker.Id}:{month}", worker.VillageCode,
                JsonSerializer.Serialize(new { backdateStatus = before }),
                JsonSerializer.Serialize(new { backdateStatus = request.Status, note = request.Note })),
        ], ct);
        await tx.CommitAsync(ct);
        var after = await WorkerLedger.ReadAsync(conn, worker.Id, month, ct);
        return after.Single(l => l.Month == month);
    }

    private static Refusal NotAfterWindow => Refusal.Rule("backdate.not_late", "Bulan ini tidak dibayar setelah batas tunggakan.",
        "Permohonan berlaku surut hanya untuk bulan yang lunas setelah batas tunggakan; tunggakan yang dibayar di dalam batas itu tidak memutus kepesertaan.");
}
