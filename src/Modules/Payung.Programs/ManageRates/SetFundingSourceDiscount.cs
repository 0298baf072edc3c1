using System.Text.Json;
using Npgsql;
using Payung.Programs.Rates;

namespace Payung.Programs.ManageRates;

/// <summary>
/// Changes a funding source's discount setting (DOMAIN: whether village funds or CSR count as APBD is unconfirmed,
/// "a setting per funding source"). Audited with before and after; amounts already committed keep theirs, and the
/// rate cache is invalidated so new estimates and enrolments use the setting.
/// </summary>
public sealed class SetFundingSourceDiscount(NpgsqlDataSource dataSource, RateTableCache cache, CallerContext caller)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Outcome<FundingSourceResponse>> ExecuteAsync(string code, SetFundingSourceDiscountRequest? request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request?.DiscountApplies is null)
        {
            errors["discountApplies"] = ["Isi discountApplies: true atau false."];
        }

        if (request?.Assumption is { Length: > 500 })
        {
            errors["assumption"] = ["Asumsi paling panjang 500 karakter."];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        var assumption = string.IsNullOrWhiteSpace(request!.Assumption) ? null : request.Assumption.Trim();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        FundingSourceResponse before;
        await using (var read = new NpgsqlCommand(
            "select code, name, discount_applies, discount_assumption from programs.funding_source where code = $1 for update", conn, tx))
        {
            read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code.Trim().ToUpperInvariant() });
            await using var r = await read.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct))
            {
                return Refusal.NotFound("funding_source.not_found", "Sumber dana tidak ditemukan.");
            }

            before = new FundingSourceResponse(r.GetString(0), r.GetString(1), r.GetBoolean(2), r.IsDBNull(3) ? null : r.GetString(3));
        }

        var after = before with { DiscountApplies = request.DiscountApplies!.Value, DiscountAssumption = assumption };
        await using (var update = new NpgsqlCommand(
            "update programs.funding_source set discount_applies = $2, discount_assumption = $3 where code = $1", conn, tx))
        {
            update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = after.Code });
            update.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = after.DiscountApplies });
            update.Parameters.Add(new NpgsqlParameter { Value = (object?)assumption ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await update.ExecuteNonQueryAsync(ct);
        }

        await AuditWriter.WriteAsync(conn, tx, caller.Scope,
            [new AuditRecord("update", "funding_source", after.Code, null, JsonSerializer.Serialize(before, Json), JsonSerializer.Serialize(after, Json))], ct);
        await tx.CommitAsync(ct);
        cache.Invalidate();
        return after;
    }
}
