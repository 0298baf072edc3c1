using Npgsql;
using Payung.Shared;

namespace Payung.Regions;

/// <summary>
/// The province, regency and district codes in memory (about 7,800), so that NIK checks in bulk
/// imports do not ask the database for every row, with the former codes NIKs may still carry
/// (<c>regions.former_region</c>). Villages are not cached: they are checked in SQL.
/// </summary>
internal sealed class RegionCodeCache(NpgsqlDataSource dataSource) : IRegionCodeLookup
{
    /// <summary>More successors than any real chain of re-codings; a longer chain is a data error (a cycle).</summary>
    private const int MaxChain = 16;

    private Snapshot? snapshot;

    public bool Exists(RegionCode code)
    {
        if (code.Level == RegionLevel.Village)
        {
            throw new ArgumentException("Village codes are not cached; check them in SQL.", nameof(code));
        }

        return (snapshot ??= Load()).Names.ContainsKey(code.Value);
    }

    public FormerRegionCode? FindFormer(RegionCode code) =>
        (snapshot ??= Load()).Former.GetValueOrDefault(code.Value);

    /// <summary>Forgets the codes so the next check reads them again, after regions were reloaded.</summary>
    public void Invalidate() => snapshot = null;

    private Snapshot Load()
    {
        using var conn = dataSource.OpenConnection();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var cmd = new NpgsqlCommand("select code, name from regions.region where level <> 'village'", conn))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                names[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var rows = new Dictionary<string, (string Name, DateOnly ValidUntil, string Successor)>(StringComparer.Ordinal);
        using (var cmd = new NpgsqlCommand("select code, name, valid_until, successor_code from regions.former_region", conn))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                rows[reader.GetString(0)] = (reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetString(3));
            }
        }

        var former = new Dictionary<string, FormerRegionCode>(StringComparer.Ordinal);
        foreach (var (code, row) in rows)
        {
            // A code on today's list is not former, whatever the table says.
            if (names.ContainsKey(code) || Resolve(row.Successor, rows, names) is not { } current)
            {
                continue;
            }

            var today = RegionCode.Parse(current);
            var province = today.ProvinceCode;
            former[code] = new FormerRegionCode(RegionCode.Parse(code), row.Name, row.ValidUntil, today, names[current],
                names.GetValueOrDefault(province.Value, province.Value));
        }

        return new Snapshot(names, former);
    }

    /// <summary>The end of a chain of successors when it is a current code; null for a broken or cyclic chain.</summary>
    private static string? Resolve(
        string successor, Dictionary<string, (string Name, DateOnly ValidUntil, string Successor)> rows, Dictionary<string, string> names)
    {
        for (var step = 0; step < MaxChain; step++)
        {
            if (names.ContainsKey(successor))
            {
                return successor;
            }

            if (!rows.TryGetValue(successor, out var next))
            {
                return null;
            }

            successor = next.Successor;
        }

        return null;
    }

    private sealed record Snapshot(Dictionary<string, string> Names, Dictionary<string, FormerRegionCode> Former);
}
