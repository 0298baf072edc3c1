using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Payung.Infrastructure;
using Payung.Infrastructure.Rules;
using Payung.Programs.EstimateBudget;
using Payung.Programs.ManageFunders;
using Payung.Programs.ManageProgrammes;
using Payung.Programs.Rates;

namespace Payung.Programs;

public static class ProgramsModule
{
    public static IServiceCollection AddPrograms(this IServiceCollection services)
    {
        services.AddRuleCache<RateTableCache>();
        services.AddScoped<Payung.Registry.Contracts.IWorkerMergeGuard, GuardMerges.EnrolledWorkerMergeGuard>();
        services.AddScoped<Contracts.IProgrammeDesk, ShowDesk.ProgrammeDesk>();
        services.AddSingleton<Contracts.SelfPaidContribution>();
        services.AddScoped<EstimateBudget.EstimateBudget>();
        services.AddPayungInfrastructure();
        services.AddModuleDbContext<ProgrammesDbContext>();
        services.AddScoped<ListFunders>();
        services.AddScoped<CreateFunder>();
        services.AddScoped<DescribeProgramme>();
        services.AddScoped<ListProgrammes>();
        services.AddScoped<GetProgramme>();
        services.AddScoped<ListVillagesBelowTarget.ListVillagesBelowTarget>();
        services.AddScoped<CreateProgramme>();
        services.AddScoped<EditProgramme>();
        services.AddScoped(sp => new ActivateProgramme(
            sp.GetRequiredService<ProgrammesDbContext>(), sp.GetRequiredService<RateTableCache>(),
            sp.GetRequiredService<DescribeProgramme>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<CloseProgramme>();
        services.AddScoped<EnrollWorkers.EnrollWorkers>();
        services.AddScoped<EnrollWorkers.ListEnrollments>();
        services.AddScoped<EndEnrollment.EndEnrollment>();
        services.AddScoped<EnrollByNik.EnrollWorkersByNik>();
        services.AddScoped<EnrollByNik.EnrollFromFile>();
        services.AddScoped<SeedDemoProgrammes.SeedDemoProgrammes>();
        services.AddScoped<ManageRates.ListRates>();
        services.AddScoped<ManageRates.AddContributionRate>();
        services.AddScoped<ManageRates.SetFundingSourceDiscount>();
        return services;
    }

    public static IEndpointRouteBuilder MapPrograms(this IEndpointRouteBuilder api)
    {
        EstimateBudgetEndpoint.Map(api);
        FundersEndpoints.Map(api);
        ProgrammesEndpoints.Map(api);
        ListVillagesBelowTarget.ListVillagesBelowTargetEndpoint.Map(api);
        EnrollWorkers.EnrollWorkersEndpoint.Map(api);
        EndEnrollment.EndEnrollmentEndpoint.Map(api);
        EnrollByNik.EnrollFromFileEndpoint.Map(api);
        ManageRates.RatesEndpoints.Map(api);
        return api;
    }
}
