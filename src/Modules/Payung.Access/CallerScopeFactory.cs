using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Payung.Shared;

namespace Payung.Access;

/// <summary>Expands a user's or key's role scope to the regencies it covers.</summary>
public sealed class CallerScopeFactory(NpgsqlDataSource dataSource)
{
    // Regencies of a province change only when the region list is reloaded; cache for the process.
    private readonly ConcurrentDictionary<string, string[]> provinceRegencies = new();

    public async Task<CallerScope> ForAsync(ActorKind kind, Guid id, string name, Role role,
        string? regionCode, string? branchCode, string? remoteIp, CancellationToken ct)
    {
        IReadOnlyList<string> regencies = role switch
        {
            Role.NationalAdmin => [],
            Role.ProvinceViewer => await ProvinceRegenciesAsync(regionCode!, ct),
            Role.BpjsOfficer => await BranchRegenciesAsync(branchCode!, ct),
            _ => [regionCode![..5]],
        };
        return CallerScope.ForActor(kind, id, name, role, regionCode, branchCode, regencies, remoteIp);
    }

    private async Task<string[]> ProvinceRegenciesAsync(string province, CancellationToken ct)
    {
        if (provinceRegencies.TryGetValue(province, out var cached))
        {
            return cached;
        }

        var list = await QueryAsync("select code from regions.region where level = 'regency' and parent_code = $1", province, ct);
        return provinceRegencies[province] = list;
    }

    // Not cached: an administrator may move a regency to another branch, and that must count at once.
    private Task<string[]> BranchRegenciesAsync(string branch, CancellationToken ct) =>
        QueryAsync("select regency_code from access.bpjs_branch_regency where branch_code = $1", branch, ct);

    private async Task<string[]> QueryAsync(string sql, string arg, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.Parameters.AddWithValue(arg);
        var result = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(reader.GetString(0));
        }

        return result.ToArray();
    }
}
