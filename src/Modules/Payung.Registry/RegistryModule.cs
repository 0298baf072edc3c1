using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Payung.Registry;

public static class RegistryModule
{
    public static IServiceCollection AddRegistry(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder api)
    {
        CheckNik.CheckNikEndpoint.Map(api);
        return api;
    }
}
