using System.Text.Json;
using Npgsql;
using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.Registry.GetWorker;

/// <summary>
/// A worker's change history from the audit log, newest first, as field-by-field differences. It takes the
/// <see cref="WorkerResponse"/> that <see cref="GetWorker"/> answered, so the history is only ever read for a
/// worker already found through the caller's scope; NIK, KK and phone in it are masked as in the record.
/// </summary>
public sealed class ReadWorkerHistory(NpgsqlDataSource dataSource, CallerContext caller)
{
    public const int DefaultLimit = 50;

    // Derived or bookkeeping columns: they change with the fields people edit and say nothing more.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "id", "nameKey", "districtCode", "regencyCode", "provinceCode", "createdAt", "updatedAt", "rowVersion",
    };

    private static readonly Dictionary<string, Func<string?, string?>> Masks = new(StringComparer.Ordinal)
    {
        ["nik"] = v => PersonalData.Mask(v),
        ["kk"] = v => PersonalData.Mask(v),
        ["phone"] = PersonalData.MaskPhone,
    };

    public async Task<IReadOnlyList<WorkerChange>> ExecuteAsync(WorkerResponse worker, int limit = DefaultLimit, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select occurred_at, actor_name, action, before::text, after::text
            from access.audit_log
            where entity = 'worker' and entity_id = $1 and action in ('create', 'update', 'delete')
            order by occurred_at desc, id desc
            limit $2
            """);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = worker.Id.ToString() });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Math.Clamp(limit, 1, 500) });
        var changes = new List<WorkerChange>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var before = reader.IsDBNull(3) ? null : reader.GetString(3);
            var after = reader.IsDBNull(4) ? null : reader.GetString(4);
            changes.Add(new WorkerChange(
                reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), Differences(before, after)));
        }

        return changes;
    }

    private List<FieldChange> Differences(string? before, string? after)
    {
        var old = Values(before);
        var now = Values(after);
        var fields = new List<FieldChange>();
        foreach (var field in old.Keys.Union(now.Keys).Where(f => !Hidden.Contains(f)).Order(StringComparer.Ordinal))
        {
            var was = old.GetValueOrDefault(field);
            var became = now.GetValueOrDefault(field);
            if (was != became)
            {
                fields.Add(new FieldChange(field, Shown(field, was), Shown(field, became)));
            }
        }

        return fields;
    }

    private string? Shown(string field, string? value) =>
        Masks.TryGetValue(field, out var mask) ? PersonalData.For(caller.Scope, value, mask) : value;

    private static Dictionary<string, string?> Values(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (json is null)
        {
            return values;
        }

        using var doc = JsonDocument.Parse(json);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            values[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Array => string.Join(", ", p.Value.EnumerateArray().Select(e => e.ToString())),
                JsonValueKind.Number => p.Value.GetRawText(),
                _ => p.Value.ToString(),
            };
        }

        return values;
    }
}
