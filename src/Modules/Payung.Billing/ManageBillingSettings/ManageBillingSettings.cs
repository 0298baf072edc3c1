using System.Text.Json;
using Npgsql;
using Payung.Infrastructure.Rules;
using Payung.Shared;

namespace Payung.Billing.ManageBillingSettings;

internal sealed record BillingSettingResponse(string Key, string Value, string Description, DateTimeOffset UpdatedAt);

internal sealed record ProtectionRuleResponse(
    string Version, string EffectiveFrom, string? EffectiveTo, int DueDay, int LapseMonths, bool ArrearsMonthProtected,
    int MaxPrepayMonths, string Regulation, string? Note);

internal sealed record BillingSettingsResponse(IReadOnlyList<BillingSettingResponse> Settings, IReadOnlyList<ProtectionRuleResponse> ProtectionRules);

internal sealed record ChangeSettingRequest(string? Value);

internal sealed record AddProtectionRuleRequest(
    string? EffectiveFrom, int? DueDay, int? LapseMonths, bool? ArrearsMonthProtected, int? MaxPrepayMonths, string? Regulation, string? Note);

/// <summary>
/// Billing's settings and protection rules, as administrators keep them: the house settings of the hand-over and the
/// outbox (<c>billing.setting</c>, checked by <see cref="BillingSettingRules"/>), and versions of the protection
/// rules (due day, lapse months, whether an unpaid month inside the window protects, prepayment): a new version
/// starts in a month after the latest one and closes the version before it, so months already judged keep their
/// rule. Every change is audited.
/// </summary>
public sealed class ManageBillingSettings(NpgsqlDataSource dataSource, CallerContext caller, TimeProvider clock)
{
    internal async Task<Outcome<BillingSettingsResponse>> ReadAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var settings = new List<BillingSettingResponse>();
        await using (var cmd = new NpgsqlCommand("select key, value, description, updated_at from billing.setting order by key", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                settings.Add(new BillingSettingResponse(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3)));
            }
        }

        var rules = new List<ProtectionRuleResponse>();
        await using (var cmd = new NpgsqlCommand("""
            select version, effective_from, effective_to, due_day, lapse_months, arrears_month_protected, max_prepay_months, regulation, note
              from billing.protection_rule order by effective_from
            """, conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                rules.Add(new ProtectionRuleResponse(r.GetString(0), Month(r.GetFieldValue<DateOnly>(1)),
                    r.IsDBNull(2) ? null : Month(r.GetFieldValue<DateOnly>(2)), r.GetInt16(3), r.GetInt16(4), r.GetBoolean(5), r.GetInt16(6),
                    r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8)));
            }
        }

        return new BillingSettingsResponse(settings, rules);
    }

    internal async Task<Outcome<BillingSettingResponse>> ChangeAsync(string key, ChangeSettingRequest? request, CancellationToken ct)
    {
        if (!BillingSettingRules.IsKnown(key))
        {
            return Refusal.NotFound("setting.not_found", "Pengaturan tidak dikenal.");
        }

        if (BillingSettingRules.Problem(key, request?.Value) is { } problem)
        {
            return Refusal.Invalid("value", problem);
        }

        var value = request!.Value!.Trim();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        string before;
        await using (var cmd = new NpgsqlCommand("select value from billing.setting where key = $1 for update", conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
            before = (string)(await cmd.ExecuteScalarAsync(ct))!;
        }

        BillingSettingResponse changed;
        await using (var cmd = new NpgsqlCommand(
            "update billing.setting set value = $2, updated_at = $3 where key = $1 returning key, value, description, updated_at", conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = value });
            cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            changed = new BillingSettingResponse(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3));
        }

        await AuditWriter.WriteAsync(conn, tx, caller.Scope,
            [new AuditRecord("update", "billing_setting", key, null, JsonSerializer.Serialize(new { value = before }), JsonSerializer.Serialize(new { value }))], ct);
        await tx.CommitAsync(ct);
        return changed;
    }

    internal async Task<Outcome<ProtectionRuleResponse>> AddRuleAsync(AddProtectionRuleRequest? request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        ContributionMonth from = default;
        if (request is null || !ContributionMonth.TryParse(request.EffectiveFrom, out from))
        {
            errors["effectiveFrom"] = ["Bulan berlaku harus berformat yyyy-MM."];
        }

        if (request?.DueDay is not (>= 1 and <= 28))
        {
            errors["dueDay"] = ["Tanggal jatuh tempo harus 1–28."];
        }

        if (request?.LapseMonths is not (>= 1 and <= 24))
        {
            errors["lapseMonths"] = ["Bulan tunggakan sampai nonaktif harus 1–24."];
        }

        if (request?.ArrearsMonthProtected is null)
        {
            errors["arrearsMonthProtected"] = ["Wajib diisi: apakah bulan tunggakan dalam jendela dianggap terlindungi."];
        }

        if (request?.MaxPrepayMonths is < 0 or > 24)
        {
            errors["maxPrepayMonths"] = ["Bayar di muka paling banyak 0–24 bulan."];
        }

        if (request?.Regulation?.Trim() is not { Length: >= 3 and <= 200 })
        {
            errors["regulation"] = ["Dasar peraturan wajib diisi (3–200 karakter)."];
        }

        if (request?.Note is { Length: > 500 })
        {
            errors["note"] = ["Catatan paling panjang 500 karakter."];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        var r = request!;
        var version = $"PROTECTION@{from}";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var audit = new List<AuditRecord>();
        if (await DatedVersions.CloseLatestAsync(conn, tx, new DatedSeries("billing.protection_rule", "protection_rule", "protection_rule"), from, audit, ct)
            is { } refused)
        {
            return refused;
        }

        int maxPrepay;
        await using (var cmd = new NpgsqlCommand(
            "select max_prepay_months from billing.protection_rule order by effective_from desc limit 1", conn, tx))
        {
            maxPrepay = r.MaxPrepayMonths ?? (short)(await cmd.ExecuteScalarAsync(ct))!;
        }

        await using (var cmd = new NpgsqlCommand("""
            insert into billing.protection_rule (version, effective_from, due_day, lapse_months, arrears_month_protected, max_prepay_months, regulation, note)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = version });
            cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = from.FirstDay });
            cmd.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)r.DueDay!.Value });
            cmd.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)r.LapseMonths!.Value });
            cmd.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = r.ArrearsMonthProtected!.Value });
            cmd.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)maxPrepay });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = r.Regulation!.Trim() });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)r.Note?.Trim() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await cmd.ExecuteNonQueryAsync(ct);
        }

        var added = new ProtectionRuleResponse(version, from.ToString(), null, r.DueDay!.Value, r.LapseMonths!.Value, r.ArrearsMonthProtected!.Value,
            maxPrepay, r.Regulation!.Trim(), r.Note?.Trim());
        audit.Add(new AuditRecord("create", "protection_rule", version, null, null, JsonSerializer.Serialize(added)));
        await AuditWriter.WriteAsync(conn, tx, caller.Scope, audit, ct);
        await tx.CommitAsync(ct);
        return added;
    }

    private static string Month(DateOnly firstDay) => ContributionMonth.FromFirstDay(firstDay).ToString();
}
