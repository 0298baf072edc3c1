using Microsoft.EntityFrameworkCore;

namespace Payung.Access.ViewAudit;

/// <summary>
/// Lists the audit trail the caller may see: national callers everything, a regency's Disnaker operator
/// only the rows of its regency (the scope filter of <see cref="AccessDbContext"/> does that; rows with
/// no regency are national and stay hidden from it).
/// </summary>
public sealed class ListAuditEntries(AccessDbContext db)
{
    public async Task<AuditEntryPage> ExecuteAsync(AuditFilter filter, CancellationToken ct)
    {
        var query = filter.ApplyTo(db.AuditLog.AsNoTracking());
        var total = await query.CountAsync(ct);
        var items = await query
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize)
            .ToListAsync(ct);
        return new AuditEntryPage(items, filter.Page, filter.PageSize, total);
    }
}
