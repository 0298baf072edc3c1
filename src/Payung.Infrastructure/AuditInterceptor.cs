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
/// Writes an audit row for every added, changed or deleted <see cref="AuditedAttribute"/> entity in the
/// transaction of the SaveChanges that makes the change. The rows are captured before the save (when the
/// original values are known) and written after it succeeded, so a failed or cancelled save leaves no
/// row even when the caller's own transaction carries on. Without a caller transaction it opens one,
/// so the change and its rows commit together.
/// </summary>
public sealed class AuditInterceptor(CallerContext caller) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConditionalWeakTable<DbContext, PendingAudit> pending = new();

    private sealed class PendingAudit(List<AuditRecord> records, IDbContextTransaction? ownedTransaction)
    {
        public List<AuditRecord> Records { get; } = records;
        public IDbContextTransaction? OwnedTransaction { get; } = ownedTransaction;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is not { } context)
        {
            return result;
        }

        var records = Collect(context.ChangeTracker);
        if (records.Count == 0)
        {
            return result;
        }

        var owned = context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(ct) : null;
        pending.AddOrUpdate(context, new PendingAudit(records, owned));
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context is not { } context || !pending.TryGetValue(context, out var audit))
        {
            return result;
        }

        pending.Remove(context);
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)context.Database.CurrentTransaction!.GetDbTransaction();
        try
        {
            await AuditWriter.WriteAsync(connection, transaction, caller.Scope, audit.Records, ct);
            if (audit.OwnedTransaction is { } owned)
            {
                await owned.CommitAsync(ct);
            }
        }
        catch when (audit.OwnedTransaction is not null)
        {
            await audit.OwnedTransaction.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            if (audit.OwnedTransaction is { } owned)
            {
                await owned.DisposeAsync();
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default) =>
        DiscardAsync(eventData.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) =>
        SaveChangesCanceledAsync(eventData).GetAwaiter().GetResult();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken ct = default) =>
        DiscardAsync(eventData.Context);

    private async Task DiscardAsync(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var audit))
        {
            return;
        }

        pending.Remove(context);
        if (audit.OwnedTransaction is { } owned)
        {
            await owned.RollbackAsync(CancellationToken.None);
            await owned.DisposeAsync();
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
            // The stored form (e.g. role "disnaker_operator", not the C# enum name), so history reads the
            // same after code is renamed.
            var value = original ? p.OriginalValue : p.CurrentValue;
            values[JsonNamingPolicy.CamelCase.ConvertName(p.Metadata.Name)] =
                value is null ? null : p.Metadata.GetValueConverter() is { } converter ? converter.ConvertToProvider(value) : value;
        }

        return JsonSerializer.Serialize(values, Json);
    }
}
