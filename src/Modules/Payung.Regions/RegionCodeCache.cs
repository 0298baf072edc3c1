using Npgsql;
using Payung.Shared;

namespace Payung.Regions;

/// <summary>
/// The province, regency and district codes in memory (about 7,800), so that NIK checks in bulk
/// imports do not ask the database for every row. Villages are not cached: they are checked in SQL.
/// </summary>
internal sealed class RegionCodeCache(NpgsqlDataSource dataSource) : IRegionCodeLookup
{
    private HashSet<string>? codes;

    public bool Exists(RegionCode code)
    {
        if (code.Level == RegionLevel.Village)
        {
            throw new ArgumentException("Village codes are not cached; check them in SQL.", nameof(code));
        }

        return (codes ??= Load()).Contains(code.Value);
    }

    /// <summary>Forgets the codes so the next check reads them again, after regions were reloaded.</summary>
    public void Invalidate() => codes = null;

    private HashSet<string> Load()
    {
        using var conn = dataSource.OpenConnection();
        using var cmd = new NpgsqlCommand(
            "select code from regions.region where level <> 'village'", conn);
        using var reader = cmd.ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            set.Add(reader.GetString(0));
        }

        return set;
    }
}
