using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Payung.Infrastructure;
using Payung.Infrastructure.Jobs;
using Payung.Registry.ImportWorkers;

namespace Payung.Registry;

public static class RegistryModule
{
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddPayungInfrastructure();
        services.AddModuleDbContext<RegistryDbContext>();
        services.AddScoped<Contracts.IRegistryDesk, ShowDesk.RegistryDesk>();
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
        services.AddScoped<Contracts.OccupationList>();
        services.AddImportWorkers();
        services.AddImportDetailTable("registry.worker_import_row");
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
