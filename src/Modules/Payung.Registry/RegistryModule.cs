using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Payung.Infrastructure;
using Payung.Infrastructure.Jobs;
using Payung.Registry.ImportWorkers;

namespace Payung.Registry;

public static class RegistryModule
{
    /// <summary>The registry's use cases and jobs; with <paramref name="scheduler"/> also the daily purge of old import rows (web host only).</summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services, bool scheduler = false)
    {
        services.AddPayungInfrastructure();
        services.AddModuleDbContext<RegistryDbContext>();
        services.AddScoped<GetWorker.DescribeWorker>();
        services.AddScoped<GetWorker.GetWorker>();
        services.AddScoped<GetWorker.ReadWorkerHistory>();
        services.AddScoped<RegisterWorker.RegisterWorker>();
        services.AddScoped<RegisterWorker.ListOccupations>();
        services.AddScoped<EditWorker.EditWorker>();
        services.AddScoped<CorrectNik.CorrectNik>();
        services.AddScoped<SearchWorkers.SearchWorkers>();
        services.AddScoped<ReviewDuplicates.ListDuplicateCandidates>();
        services.AddScoped<ReviewDuplicates.GetDuplicateCandidate>();
        services.AddScoped<ReviewDuplicates.MergeDuplicate>();
        services.AddScoped<ReviewDuplicates.DismissDuplicate>();
        services.AddScoped<Contracts.WorkerNiks>();
        services.AddImportWorkers();
        services.AddJobHandler<PurgeImportRows.PurgeImportRowsJob>(PurgeImportRows.PurgeImportRowsJob.JobKind);
        if (scheduler)
        {
            services.AddHostedService<PurgeImportRows.PurgeImportRowsScheduler>();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder api)
    {
        CheckNik.CheckNikEndpoint.Map(api);
        RegisterWorker.OccupationsEndpoint.Map(api);
        RegisterWorker.RegisterWorkerEndpoint.Map(api);
        SearchWorkers.SearchWorkersEndpoint.Map(api);
        ReviewDuplicates.DuplicatesEndpoints.Map(api);
        GetWorker.GetWorkerEndpoint.Map(api);
        EditWorker.EditWorkerEndpoint.Map(api);
        CorrectNik.CorrectNikEndpoint.Map(api);
        api.MapImportWorkers();
        return api;
    }
}
