using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Payung.Shared;

namespace Payung.Infrastructure;

/// <summary>
/// The one place where region scope filters queries: every entity implementing
/// <see cref="IRegionScoped"/> gets a global query filter over the current caller's scope, so a
/// record outside the scope never appears in a lookup, list, count or export. Bypassing it takes an
/// explicit <c>IgnoreQueryFilters()</c>, which is reviewed as a security decision.
/// </summary>
public abstract class ScopedDbContext(DbContextOptions options, CallerContext caller) : DbContext(options)
{
    /// <summary>Read by the query filters; EF evaluates it per query for this context instance.</summary>
    protected CallerScope Scope => caller.Scope;

    protected internal CallerContext Caller => caller;

    protected void ApplyRegionScopeFilters(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes()
                     .Where(e => typeof(IRegionScoped).IsAssignableFrom(e.ClrType) && e.BaseType is null))
        {
            var method = typeof(ScopedDbContext).GetMethod(nameof(ScopeFilter),
                System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
            var filter = (LambdaExpression)method.MakeGenericMethod(entity.ClrType).Invoke(this, null)!;
            modelBuilder.Entity(entity.ClrType).HasQueryFilter(filter);
        }
    }

    private Expression<Func<T, bool>> ScopeFilter<T>()
        where T : class, IRegionScoped =>
        e => Scope.AllRegions ||
             (e.RegencyCode != null && Scope.Regencies.Contains(e.RegencyCode) &&
              (Scope.Within == null || (e.RegionCode != null && e.RegionCode.StartsWith(Scope.Within))));
}
