using Npgsql;
using Payung.Shared;

namespace Payung.Programs.ManageRates;

/// <summary>
/// All versions of the rate tables as stored, newest first per component, with the regulation and note each cites.
/// Read from the database rather than <see cref="Rates.RateTableCache"/>: the cache keeps only what calculations need.
/// </summary>
public sealed class ListRates(NpgsqlDataSource dataSource)
{
    public async Task<RatesResponse> ExecuteAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rates = await ReadAsync(conn, """
            select version, component, kind, value, effective_from, effective_to, regulation, note
            from programs.contribution_rate order by component, effective_from desc
            """, r => new ContributionRateResponse(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDecimal(3),
                Month(r, 4)!, Month(r, 5), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7)), ct);
        var limits = await ReadAsync(conn, """
            select version, min_basis, max_basis, effective_from, effective_to, regulation
            from programs.income_basis_limit order by effective_from desc
            """, r => new IncomeBasisLimitResponse(r.GetString(0), r.GetInt64(1), r.GetInt64(2), Month(r, 3)!, Month(r, 4), r.GetString(5)), ct);
        var discounts = await ReadAsync(conn, """
            select version, name, components, percent, sector, month_from, month_to, regulation
            from programs.contribution_discount order by month_from desc, version
            """, r => new ContributionDiscountResponse(r.GetString(0), r.GetString(1), r.GetFieldValue<string[]>(2), r.GetDecimal(3),
                r.IsDBNull(4) ? null : r.GetString(4), Month(r, 5)!, Month(r, 6)!, r.GetString(7)), ct);
        var sources = await ReadAsync(conn, """
            select code, name, discount_applies, discount_assumption from programs.funding_source order by code
            """, r => new FundingSourceResponse(r.GetString(0), r.GetString(1), r.GetBoolean(2), r.IsDBNull(3) ? null : r.GetString(3)), ct);
        return new RatesResponse(rates, limits, discounts, sources);
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection conn, string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await r.ReadAsync(ct))
        {
            rows.Add(map(r));
        }

        return rows;
    }

    private static string? Month(NpgsqlDataReader r, int ordinal) =>
        r.IsDBNull(ordinal) ? null : ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(ordinal)).ToString();
}
