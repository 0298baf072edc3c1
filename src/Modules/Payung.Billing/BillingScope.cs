using Npgsql;
using NpgsqlTypes;
using Payung.Shared;

namespace Payung.Billing;

/// <summary>
/// The caller's region scope as SQL parameters, the way <c>ScopedDbContext</c> filters: everything for national
/// callers, else the regency list and then the district or village prefix. Billing's queries are plain SQL, so
/// they add <see cref="Predicate"/> with these three parameters.
/// </summary>
internal static class BillingScope
{
    /// <summary>A predicate over a row's regency and region code, using parameters $a (all), $b (regencies), $c (within).</summary>
    public static string Predicate(string regencyColumn, string regionColumn, int first) =>
        $"(${first} or ({regencyColumn} = any (${first + 1}) and (${first + 2}::text is null or {regionColumn} like ${first + 2} || '%')))";

    /// <summary>
    /// A programme (columns regency_code, region_code) in the scope, or containing the district or village the caller
    /// works in: a desa operator sees the kabupaten's programme its villagers are enrolled in, as Programs shows it.
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
