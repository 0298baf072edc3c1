using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Payung.Programs.EstimateBudget;
using Payung.Programs.Rates;

namespace Payung.Programs;

public static class ProgramsModule
{
    public static IServiceCollection AddPrograms(this IServiceCollection services)
    {
        services.AddSingleton<RateTableCache>();
        services.AddScoped<EstimateBudget.EstimateBudget>();
        return services;
    }

    public static IEndpointRouteBuilder MapPrograms(this IEndpointRouteBuilder api)
    {
        EstimateBudgetEndpoint.Map(api);
        return api;
    }
}
