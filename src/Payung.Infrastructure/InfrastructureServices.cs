using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Payung.Infrastructure.Rules;

namespace Payung.Infrastructure;

public static class InfrastructureServices
{
    /// <summary>The caller of the request or job, and the audit interceptor every module DbContext uses.</summary>
    public static IServiceCollection AddPayungInfrastructure(this IServiceCollection services)
    {
        services.TryAddScoped<CallerContext>();
        services.TryAddScoped<AuditInterceptor>();
        services.AddRuleCache<Rules.WorkingCalendarCache>();
        return services;
    }

    /// <summary>A module DbContext over the shared data source, with region scope filters and auditing.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services)
        where TContext : DbContext =>
        services.AddDbContext<TContext>((sp, o) => o
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
}
