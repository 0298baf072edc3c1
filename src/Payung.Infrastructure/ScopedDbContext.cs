using System.Linq.Expressions;
using System.Reflection;
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
    /// <summary>The mapped properties the filter reads, in order of preference for the precise region.</summary>
    private static readonly string[] RegionProperties = ["RegionCode", "VillageCode"];

    /// <summary>Read by the query filters; EF evaluates it per query for this context instance.</summary>
    protected CallerScope Scope => caller.Scope;

    protected internal CallerContext Caller => caller;

    /// <summary>
    /// Adds the filter to each <see cref="IRegionScoped"/> entity. The entity must map a
    /// <c>RegencyCode</c> property and a precise region property named <c>RegionCode</c> or <c>VillageCode</c>.
    /// </summary>
    protected void ApplyRegionScopeFilters(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes()
                     .Where(e => typeof(IRegionScoped).IsAssignableFrom(e.ClrType) && e.BaseType is null))
        {
            var region = RegionProperties.FirstOrDefault(p => entity.FindProperty(p) is not null)
                ?? throw new InvalidOperationException($"{entity.ClrType.Name} is region-scoped but maps none of {string.Join(", ", RegionProperties)}.");
            if (entity.FindProperty("RegencyCode") is null)
            {
                throw new InvalidOperationException($"{entity.ClrType.Name} is region-scoped but maps no RegencyCode.");
            }

            modelBuilder.Entity(entity.ClrType).HasQueryFilter(ScopeFilter(entity.ClrType, region));
        }
    }

    // e => Scope.AllRegions
    //      || (e.RegencyCode != null && Scope.Regencies.Contains(e.RegencyCode)
    //          && (Scope.Within == null || (e.<region> != null && e.<region>.StartsWith(Scope.Within))))
    private LambdaExpression ScopeFilter(Type clrType, string regionProperty)
    {
        var e = Expression.Parameter(clrType, "e");
        var scope = Expression.Property(Expression.Constant(this),
            typeof(ScopedDbContext).GetProperty(nameof(Scope), BindingFlags.NonPublic | BindingFlags.Instance)!);
        var regency = Column(e, "RegencyCode");
        var region = Column(e, regionProperty);
        var within = Expression.Property(scope, nameof(CallerScope.Within));
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)],
            Expression.Property(scope, nameof(CallerScope.Regencies)), regency);
        var startsWith = Expression.Call(region, typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!, within);
        var nullString = Expression.Constant(null, typeof(string));
        var body = Expression.OrElse(
            Expression.Property(scope, nameof(CallerScope.AllRegions)),
            Expression.AndAlso(
                Expression.AndAlso(Expression.NotEqual(regency, nullString), contains),
                Expression.OrElse(
                    Expression.Equal(within, nullString),
                    Expression.AndAlso(Expression.NotEqual(region, nullString), startsWith))));
        return Expression.Lambda(body, e);
    }

    private static MethodCallExpression Column(ParameterExpression e, string name) =>
        Expression.Call(typeof(EF), nameof(EF.Property), [typeof(string)], e, Expression.Constant(name));
}
