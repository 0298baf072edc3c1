using Npgsql;
using Payung.Infrastructure.Rules;
using Payung.Shared;

namespace Payung.Programs.Rates;

/// <summary>
/// The rate tables, read once and kept in memory: a handful of rows asked for on every estimate and bill.
/// Whoever edits the tables calls <see cref="Invalidate"/> so the next caller reads them again, and every other
/// process clears it on the tables' change notification (<see cref="RuleChangeListener"/>).
/// </summary>
// Public only so other public services of this module can take it in their constructors; its members stay internal.
public sealed class RateTableCache : IRuleCache
{
    private static readonly string[] Read =
        ["programs.contribution_rate", "programs.income_basis_limit", "programs.contribution_discount", "programs.funding_source"];

    private readonly NpgsqlDataSource dataSource;
    private readonly CachedRuleTable<RateTable> cached;

    public RateTableCache(NpgsqlDataSource dataSource)
    {
        this.dataSource = dataSource;
        cached = new CachedRuleTable<RateTable>(LoadAsync);
    }

    public IReadOnlyCollection<string> Tables => Read;

    internal Task<RateTable> GetAsync(CancellationToken ct) => cached.GetAsync(ct);

    public void Invalidate() => cached.Invalidate();

    private async Task<RateTable> LoadAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rates = new List<ContributionRate>();
        await using (var cmd = new NpgsqlCommand(
            "select version, component, kind, value, effective_from, effective_to from programs.contribution_rate", conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rates.Add(new ContributionRate(
                    reader.GetString(0),
                    ParseComponent(reader.GetString(1)),
                    reader.GetString(2) == "percent_of_basis",
                    reader.GetDecimal(3),
                    Month(reader.GetFieldValue<DateOnly>(4)),
                    reader.IsDBNull(5) ? null : Month(reader.GetFieldValue<DateOnly>(5))));
            }
        }

        var limits = new List<IncomeBasisLimit>();
        await using (var cmd = new NpgsqlCommand(
            "select version, min_basis, max_basis, effective_from, effective_to from programs.income_basis_limit", conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                limits.Add(new IncomeBasisLimit(
                    reader.GetString(0),
                    Rupiah.Of(reader.GetInt64(1)),
                    Rupiah.Of(reader.GetInt64(2)),
                    Month(reader.GetFieldValue<DateOnly>(3)),
                    reader.IsDBNull(4) ? null : Month(reader.GetFieldValue<DateOnly>(4))));
            }
        }

        var discounts = new List<ContributionDiscount>();
        await using (var cmd = new NpgsqlCommand(
            "select version, name, components, percent, sector, month_from, month_to from programs.contribution_discount", conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                discounts.Add(new ContributionDiscount(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetFieldValue<string[]>(2).Select(ParseComponent).ToHashSet(),
                    reader.GetDecimal(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    Month(reader.GetFieldValue<DateOnly>(5)),
                    Month(reader.GetFieldValue<DateOnly>(6))));
            }
        }

        var sources = new List<FundingSource>();
        await using (var cmd = new NpgsqlCommand(
            "select code, name, discount_applies, discount_assumption from programs.funding_source order by code", conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                sources.Add(new FundingSource(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetBoolean(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }

        return new RateTable(rates, limits, discounts, sources);
    }

    internal static ContributionComponent ParseComponent(string code) => code switch
    {
        "JKK" => ContributionComponent.Jkk,
        "JKM" => ContributionComponent.Jkm,
        "JHT" => ContributionComponent.Jht,
        _ => throw new InvalidOperationException($"Unknown contribution component '{code}' in the rate tables."),
    };

    private static ContributionMonth Month(DateOnly firstDay) => ContributionMonth.FromFirstDay(firstDay);
}
