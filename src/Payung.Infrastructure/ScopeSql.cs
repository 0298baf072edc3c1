using Npgsql;
using NpgsqlTypes;
using Payung.Shared;

namespace Payung.Infrastructure;

/// <summary>
/// The caller's region scope for plain SQL, the same rule as <see cref="ScopedDbContext"/>'s filter: everything for
/// national callers, else the regency list and then the district or village prefix. Set-based queries in every module
/// add <see cref="Predicate"/> and its three parameters (<see cref="AddParameters"/>) instead of writing the rule again.
/// </summary>
public static class ScopeSql
{
    /// <summary>A predicate over a row's regency and region code, using parameters $a (all), $b (regencies), $c (within).</summary>
    public static string Predicate(string regencyColumn, string regionColumn, int first) =>
        $"(${first} or ({regencyColumn} = any (${first + 1}) and (${first + 2}::text is null or {regionColumn} like ${first + 2} || '%')))";

    /// <summary>
    /// A programme (columns regency_code, region_code) in the scope, or containing the district or village the caller
    /// works in: a desa operator sees the kabupaten's programme its villagers are enrolled in (as ProgrammesDbContext does).
    /// Reading only; changes check <c>CallerScope.Covers(programme region)</c>.
    /// </summary>
    public static string ProgrammePredicate(int first) =>
        $"({Predicate("regency_code", "region_code", first)} or (${first + 2}::text is not null and regency_code = any (${first + 1}) and ${first + 2} like region_code || '.%'))";

    public static void AddParameters(NpgsqlCommand cmd, CallerScope scope)
    {
        cmd.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = scope.AllRegions });
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = scope.Regencies.ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)scope.Within ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
    }
}
