using System.Text.Json;
using Npgsql;
using Payung.Shared;

namespace Payung.Infrastructure.Rules;

/// <summary>
/// One series of dated rule versions in a table (rates per component, protection rules, …): rows with a
/// <c>version</c>, an <c>effective_from</c> month and an <c>effective_to</c> month that is null while in force.
/// </summary>
/// <param name="Table">The table, <c>schema.table</c>.</param>
/// <param name="Entity">The audit entity type of a row.</param>
/// <param name="SeriesColumn">The column that separates series in one table (e.g. the component), or null.</param>
/// <param name="SeriesValue">That column's value for this series.</param>
/// <param name="CodePrefix">The stable refusal codes' prefix: <c>{prefix}.backdated</c>, <c>{prefix}.overlapping</c>.</param>
public sealed record DatedSeries(string Table, string Entity, string CodePrefix, string? SeriesColumn = null, string? SeriesValue = null);

/// <summary>
/// The one way a new version of a dated rule is added: lock the table (readers go on; a second writer waits and then
/// sees this version as the latest), refuse a version that does not begin after the latest one, close the version in
/// force the month before the new one begins and audit that closing — the caller then inserts its row and audits it,
/// in the same transaction. The table's trigger tells every process to clear its caches (<see cref="RuleChangeListener"/>).
/// </summary>
public static class DatedVersions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The latest version of the series as it was, when there is one.</summary>
    public sealed record Latest(string Version, ContributionMonth From, ContributionMonth? To);

    /// <summary>
    /// Prepares <paramref name="series"/> for a version in force from <paramref name="from"/>; null when the caller may
    /// insert it, else the refusal (nothing changed). The closing's audit record is added to <paramref name="audit"/>.
    /// </summary>
    public static async Task<Refusal?> CloseLatestAsync(NpgsqlConnection conn, NpgsqlTransaction tx, DatedSeries series, ContributionMonth from,
        List<AuditRecord> audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(audit);
        await using (var lockTable = new NpgsqlCommand($"lock table {series.Table} in share row exclusive mode", conn, tx))
        {
            await lockTable.ExecuteNonQueryAsync(ct);
        }

        if (await LatestAsync(conn, tx, series, ct) is not { } latest)
        {
            return null;
        }

        if (from <= latest.From)
        {
            return Refusal.Rule(series.CodePrefix + ".backdated", "Versi baru harus berlaku sesudah versi terakhir.",
                $"Versi {latest.Version} berlaku mulai {latest.From}; pilih bulan sesudahnya. Bulan yang sudah dinilai tetap memakai aturannya.");
        }

        if (latest.To is { } to && from <= to)
        {
            return Refusal.Conflict(series.CodePrefix + ".overlapping", "Periode versi baru bertumpang tindih dengan versi terakhir.",
                $"Versi {latest.Version} berlaku sampai {to}; pilih bulan sesudahnya.");
        }

        if (latest.To is null)
        {
            var closedAt = from.PlusMonths(-1);
            await using var close = new NpgsqlCommand($"update {series.Table} set effective_to = $2 where version = $1", conn, tx);
            close.Parameters.Add(new NpgsqlParameter<string> { TypedValue = latest.Version });
            close.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = closedAt.FirstDay });
            await close.ExecuteNonQueryAsync(ct);
            audit.Add(new AuditRecord("update", series.Entity, latest.Version, null,
                JsonSerializer.Serialize(new { effectiveTo = (string?)null }, Json), JsonSerializer.Serialize(new { effectiveTo = closedAt.ToString() }, Json)));
        }

        return null;
    }

    private static async Task<Latest?> LatestAsync(NpgsqlConnection conn, NpgsqlTransaction tx, DatedSeries series, CancellationToken ct)
    {
        var where = series.SeriesColumn is null ? "" : $"where {series.SeriesColumn} = $1";
        await using var cmd = new NpgsqlCommand(
            $"select version, effective_from, effective_to from {series.Table} {where} order by effective_from desc limit 1", conn, tx);
        if (series.SeriesColumn is not null)
        {
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = series.SeriesValue ?? "" });
        }

        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct))
        {
            return null;
        }

        return new Latest(r.GetString(0), ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(1)),
            r.IsDBNull(2) ? null : ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(2)));
    }
}
