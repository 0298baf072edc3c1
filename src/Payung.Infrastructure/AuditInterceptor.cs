using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Payung.Infrastructure;

/// <summary>
/// Writes an audit row for every added, changed or deleted <see cref="AuditedAttribute"/> entity
/// inside the transaction of the SaveChanges that makes the change; when the caller has no
/// transaction it opens one, so a failed save leaves neither the change nor its audit row.
/// </summary>
public sealed class AuditInterceptor(CallerContext caller) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> ownedTransactions = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        var context = eventData.Context;
        if (context is null)
        {
            return result;
        }

        var records = Collect(context.ChangeTracker);
        if (records.Count == 0)
        {
            return result;
        }

        if (context.Database.CurrentTransaction is null)
        {
            ownedTransactions.AddOrUpdate(context, await context.Database.BeginTransactionAsync(ct));
        }

        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)context.Database.CurrentTransaction!.GetDbTransaction();
        await AuditWriter.WriteAsync(connection, transaction, caller.Scope, records, ct);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context is { } context && ownedTransactions.TryGetValue(context, out var tx))
        {
            ownedTransactions.Remove(context);
            await tx.CommitAsync(ct);
            await tx.DisposeAsync();
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        if (eventData.Context is { } context && ownedTransactions.TryGetValue(context, out var tx))
        {
            ownedTransactions.Remove(context);
            await tx.RollbackAsync(CancellationToken.None);
            await tx.DisposeAsync();
        }
    }

    private static List<AuditRecord> Collect(ChangeTracker tracker)
    {
        var records = new List<AuditRecord>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) ||
                entry.Metadata.ClrType.GetCustomAttribute<AuditedAttribute>() is not { } audited)
            {
                continue;
            }

            if (entry.State == EntityState.Modified && !entry.Properties.Any(p => p.IsModified && Audits(p)))
            {
                continue; // only unaudited columns changed (e.g. a counter): nothing worth a row
            }

            var key = string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
            var scoped = entry.Entity as IRegionScoped;
            records.Add(new AuditRecord(
                entry.State switch { EntityState.Added => "create", EntityState.Deleted => "delete", _ => "update" },
                audited.Entity,
                key,
                scoped?.RegionCode ?? scoped?.RegencyCode,
                entry.State == EntityState.Added ? null : Snapshot(entry, original: true),
                entry.State == EntityState.Deleted ? null : Snapshot(entry, original: false)));
        }

        return records;
    }

    private static bool Audits(PropertyEntry p) =>
        p.Metadata.PropertyInfo?.GetCustomAttribute<NotAuditedAttribute>() is null;

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in entry.Properties.Where(Audits))
        {
            values[JsonNamingPolicy.CamelCase.ConvertName(p.Metadata.Name)] = original ? p.OriginalValue : p.CurrentValue;
        }

        return JsonSerializer.Serialize(values, Json);
    }
}
