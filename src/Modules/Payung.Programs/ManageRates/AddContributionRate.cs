using System.Text.Json;
using Npgsql;
using Payung.Infrastructure.Rules;
using Payung.Programs.Rates;
using Payung.Shared;

namespace Payung.Programs.ManageRates;

/// <summary>
/// Adds a version of a contribution rate. Versions of one component follow each other without overlap: the new one
/// must start after the latest one started (and after it ended, when it was closed); the latest open version then
/// ends the month before. Amounts already committed keep the version they name. Serialised by a table lock, audited
/// in the same transaction, and the rate cache is invalidated once it is committed.
/// </summary>
public sealed class AddContributionRate(NpgsqlDataSource dataSource, RateTableCache cache, CallerContext caller)
{

    /// <summary>The first month the rate tables hold (PP 44/2015 took effect in July 2015).</summary>
    public static readonly ContributionMonth FirstMonth = new(2015, 7);

    public static readonly IReadOnlyList<string> Components = ["JKK", "JKM", "JHT"];
    public static readonly IReadOnlyList<string> Kinds = ["percent_of_basis", "flat"];

    private const decimal MaxFlat = 10_000_000m;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Outcome<ContributionRateResponse>> ExecuteAsync(AddContributionRateRequest? request, CancellationToken ct)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        var component = request!.Component!.Trim().ToUpperInvariant();
        var kind = request.Kind!.Trim().ToLowerInvariant();
        var from = ContributionMonth.Parse(request.EffectiveFrom!.Trim());
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var added = new ContributionRateResponse($"{component}@{from}", component, kind, request.Value!.Value, from.ToString(), null,
            request.Regulation!.Trim(), note);

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var audit = new List<AuditRecord>();
        if (await DatedVersions.CloseLatestAsync(conn, tx, new DatedSeries("programs.contribution_rate", "contribution_rate", "rates", "component", component),
                from, audit, ct) is { } refused)
        {
            return refused;
        }

        await using (var insert = new NpgsqlCommand("""
            insert into programs.contribution_rate (version, component, kind, value, effective_from, regulation, note)
            values ($1, $2, $3, $4, $5, $6, $7)
            """, conn, tx))
        {
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = added.Version });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = component });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kind });
            insert.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = added.Value });
            insert.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = from.FirstDay });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = added.Regulation });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)note ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await insert.ExecuteNonQueryAsync(ct);
        }

        audit.Add(new AuditRecord("create", "contribution_rate", added.Version, null, null, JsonSerializer.Serialize(added, Json)));
        await AuditWriter.WriteAsync(conn, tx, caller.Scope, audit, ct);
        await tx.CommitAsync(ct);
        cache.Invalidate();
        return added;
    }

    private static Refusal? Validate(AddContributionRateRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            return Refusal.Invalid("", "Isi permintaan wajib diisi.");
        }

        if (!Components.Contains(request.Component?.Trim().ToUpperInvariant()))
        {
            errors["component"] = ["Komponen harus JKK, JKM atau JHT."];
        }

        var kind = request.Kind?.Trim().ToLowerInvariant();
        if (!Kinds.Contains(kind))
        {
            errors["kind"] = ["Jenis tarif harus percent_of_basis (persen dari dasar upah) atau flat (rupiah per bulan)."];
        }

        // A flat rate is money, so whole rupiah: "6.800" typed the Indonesian way reads as 6.8 and is refused here.
        if (request.Value is not { } value || value < 0 || decimal.Round(value, 4) != value
            || (kind == "percent_of_basis" && value > 100) || (kind == "flat" && (value > MaxFlat || decimal.Truncate(value) != value)))
        {
            errors["value"] = [kind == "flat"
                ? $"Nilai tarif tetap harus rupiah bulat antara 0 dan {MaxFlat:N0}, tanpa titik ribuan."
                : "Nilai persen harus antara 0 dan 100, paling banyak 4 angka desimal."];
        }

        if (!ContributionMonth.TryParse(request.EffectiveFrom?.Trim(), out var from) || from < FirstMonth)
        {
            errors["effectiveFrom"] = [$"Bulan mulai berlaku harus berformat yyyy-MM, tidak sebelum {FirstMonth}."];
        }

        if (request.Regulation?.Trim() is not { Length: >= 3 and <= 200 })
        {
            errors["regulation"] = ["Dasar hukum wajib diisi, 3 sampai 200 karakter (mis. PP 44/2015)."];
        }

        if (request.Note is { Length: > 1000 })
        {
            errors["note"] = ["Catatan paling panjang 1.000 karakter."];
        }

        return errors.Count > 0 ? Refusal.Invalid(errors) : null;
    }
}
