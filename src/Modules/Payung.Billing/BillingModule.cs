using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Payung.Billing.CheckProtection;
using Payung.Billing.GenerateMonthlyBills;
using Payung.Billing.ImportStatements;
using Payung.Billing.RecordPayment;
using Payung.Billing.ReviewBills;
using Payung.Infrastructure.Jobs;

namespace Payung.Billing;

public static class BillingModule
{
    /// <summary>Billing's use cases and jobs; with <paramref name="scheduler"/> also the automatic billing run (web host only).</summary>
    public static IServiceCollection AddBilling(this IServiceCollection services, bool scheduler = true)
    {
        services.AddPayungInfrastructure();
        services.AddScoped<GenerateBills>();
        services.AddScoped<ProgrammeMoney>();
        services.AddScoped<Payung.Programs.Contracts.IProgrammeBilling, ProgrammeBillingFiguresQuery>();
        services.AddScoped<BillLines>();
        services.AddScoped<RecordPayment.RecordPayment>();
        services.AddScoped<AllocatePayment>();
        services.AddScoped<ListPayments>();
        services.AddScoped<CheckProtection.CheckProtection>();
        services.AddScoped<RecordBackdate>();
        services.AddScoped<SettleSelfPaidRefunds.ListSelfPaidRefunds>();
        services.AddScoped<SettleSelfPaidRefunds.MarkSelfPaidRefunded>();
        services.AddScoped<Payung.Registry.Contracts.IWorkerProtectionStrip, WorkerProtectionStrip>();
        services.AddScoped<ManageBillingSettings.ManageBillingSettings>();
        services.AddScoped<ManageCalendar.ManageCalendar>();
        services.AddScoped<SeedDemoBilling.SeedDemoBilling>();
        services.AddJobHandler<BillingRunJob>(BillingRunJob.JobKind);
        services.AddImportDetailTable("billing.statement_row");
        services.AddImportStatements();
        HandOverToSelfPaid.SelfPaidFeatures.AddSelfPaid(services, scheduler);
        if (scheduler)
        {
            services.AddHostedService<BillingScheduler>();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapBilling(this IEndpointRouteBuilder api)
    {
        BillingEndpoints.Map(api);
        ManageBillingSettings.ManageBillingSettingsEndpoints.Map(api);
        ManageCalendar.ManageCalendarEndpoints.Map(api);
        ImportStatementsEndpoints.Map(api);
        HandOverToSelfPaid.SelfPaidFeatures.Map(api);
        return api;
    }
}
