using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Payung.Infrastructure.Jobs;

public static class JobServices
{
    /// <summary>
    /// The queue and the runner; with <paramref name="runWorker"/> also the background worker, unless
    /// <c>PAYUNG_JOBS_ENABLED=false</c>. The CLI registers the queue without the worker and runs its own jobs.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration, bool runWorker = true)
    {
        var options = JobOptions.FromConfiguration(configuration);
        services.AddPayungInfrastructure();
        services.TryAddSingleton(options);
        services.TryAddSingleton<JobQueue>();
        services.TryAddSingleton<JobRunner>();
        if (runWorker && options.WorkerEnabled)
        {
            services.AddHostedService<JobWorker>();
        }

        return services;
    }

    /// <summary>Registers the handler of one job kind.</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services, string kind)
        where THandler : class, IJobHandler
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton(new JobHandlerRegistration(kind, typeof(THandler)));
        return services;
    }
}
