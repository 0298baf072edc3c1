using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Payung.Infrastructure.Jobs;

namespace Payung.Registry.ImportWorkers;

/// <summary>The import's services and routes; the host adds the job queue and worker with AddJobs.</summary>
public static class ImportWorkersModule
{
    public static IServiceCollection AddImportWorkers(this IServiceCollection services)
    {
        services.AddScoped<StartWorkerImport>();
        services.AddScoped<GetWorkerImport>();
        services.AddScoped<ListWorkerImportRows>();
        services.AddScoped<BuildErrorWorkbook>();
        services.AddJobHandler<ImportWorkersJob>(ImportWorkersJob.JobKind);
        services.AddJobHandler<ScanImportedDuplicatesJob>(ScanImportedDuplicatesJob.JobKind);
        return services;
    }

    public static IEndpointRouteBuilder MapImportWorkers(this IEndpointRouteBuilder api)
    {
        ImportEndpoints.Map(api);
        return api;
    }
}
