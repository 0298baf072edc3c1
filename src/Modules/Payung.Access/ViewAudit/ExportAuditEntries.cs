using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Payung.Infrastructure;

namespace Payung.Access.ViewAudit;

/// <summary>
/// The audit trail as CSV for a spreadsheet: UTF-8 with BOM and ';' between fields, because Excel in an
/// Indonesian locale uses the comma as the decimal separator and opens a BOM-less file as ANSI. The
/// trail holds personal data (names, before/after values), so every export is itself audited.
/// </summary>
public sealed class ExportAuditEntries(AccessDbContext db, CallerContext caller, NpgsqlDataSource dataSource)
{
    public const int MaxRows = 100_000;

    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private static readonly string[] Columns =
        ["id", "occurredAtWib", "actorKind", "actorName", "remoteIp", "action", "entity", "entityId", "regionCode", "before", "after"];

    /// <summary>
    /// Counts the rows the filter matches and, when there are at most <see cref="MaxRows"/>, records the
    /// export in the audit log. Call it before sending the first byte: the row commits on its own, so an
    /// export that breaks off midway is still on record, and one that cannot be recorded never starts.
    /// Returns the count; above <see cref="MaxRows"/> nothing is recorded and nothing may be written.
    /// </summary>
    public async Task<int> StartAsync(AuditFilter filter, CancellationToken ct)
    {
        var rows = await filter.ApplyTo(db.AuditLog.AsNoTracking()).CountAsync(ct);
        if (rows > MaxRows)
        {
            return rows;
        }

        var scope = caller.Scope;
        var detail = JsonSerializer.Serialize(new
        {
            filter = filter.Describe(),
            rows,
            format = "csv",
        });
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await AuditWriter.WriteAsync(connection, null, scope,
            [new AuditRecord("export", "audit_log", filter.Describe(), scope.ScopeCode, null, detail)], ct);
        return rows;
    }

    /// <summary>Streams the matching rows, newest first, at most <see cref="MaxRows"/>.</summary>
    public async Task WriteCsvAsync(AuditFilter filter, Stream output, CancellationToken ct)
    {
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), ct);
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(string.Join(';', Columns) + "\r\n");

        var rows = filter.ApplyTo(db.AuditLog.AsNoTracking())
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(MaxRows)
            .AsAsyncEnumerable();
        var line = new StringBuilder(512);
        await foreach (var e in rows.WithCancellation(ct))
        {
            line.Clear();
            Append(line, e.Id.ToString(CultureInfo.InvariantCulture));
            Append(line, e.OccurredAt.ToOffset(Wib).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            Append(line, e.ActorKind);
            Append(line, e.ActorName);
            Append(line, e.RemoteIp);
            Append(line, e.Action);
            Append(line, e.Entity);
            Append(line, e.EntityId);
            Append(line, e.RegionCode);
            Append(line, e.Before);
            Append(line, e.After);
            line.Length--; // the last separator
            line.Append("\r\n");
            await writer.WriteAsync(line, ct);
        }

        await writer.FlushAsync(ct);
    }

    private static void Append(StringBuilder line, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            // A cell starting with = + - @ is a formula to a spreadsheet; usernames typed at a failed
            // sign-in land here, so neutralise them (OWASP "CSV injection").
            if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                value = "'" + value;
            }

            if (value.AsSpan().IndexOfAny(";\"\r\n") >= 0)
            {
                line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                line.Append(value);
            }
        }

        line.Append(';');
    }
}
