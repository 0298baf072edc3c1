using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payung.Regions.Contracts;
using Payung.Shared;

namespace Payung.Regions;

public static class RegionsModule
{
    public static IServiceCollection AddRegions(this IServiceCollection services)
    {
        services.AddDbContext<RegionsDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddScoped<IRegionDirectory, RegionDirectory>();
        services.AddSingleton<RegionCodeCache>();
        services.AddSingleton<IRegionCodeLookup>(sp => sp.GetRequiredService<RegionCodeCache>());
        services.AddTransient<LoadRegions.LoadRegions>();
        return services;
    }

    public static IEndpointRouteBuilder MapRegions(this IEndpointRouteBuilder api)
    {
        GetRegion.GetRegionEndpoint.Map(api);
        ListChildRegions.ListChildRegionsEndpoint.Map(api);
        SearchRegions.SearchRegionsEndpoint.Map(api);
        return api;
    }
}
