using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Payung.Infrastructure;

namespace Payung.Registry;

public static class RegistryModule
{
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddPayungInfrastructure();
        services.AddModuleDbContext<RegistryDbContext>();
        return services;
    }

    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder api)
    {
        CheckNik.CheckNikEndpoint.Map(api);
        return api;
    }
}
