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

    public static void AddParameters(NpgsqlCommand cmd, CallerScope scope)
    {
        cmd.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = scope.AllRegions });
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = scope.Regencies.ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)scope.Within ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
    }
}
