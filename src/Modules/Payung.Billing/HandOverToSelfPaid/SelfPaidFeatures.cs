using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Payung.Billing.NotifyParticipants;
using Payung.Infrastructure.Jobs;

namespace Payung.Billing.HandOverToSelfPaid;

/// <summary>
/// The hand-over to self-paid contributions as a whole: the outbox and its provider, the hand-over, the reminders, the
/// retention report, their endpoints, and (web host only) the background dispatcher and the daily hand-over run.
/// </summary>
internal static class SelfPaidFeatures
{
    public static IServiceCollection AddSelfPaid(IServiceCollection services, bool background)
    {
        services.AddSingleton<INotificationProvider>(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            return configuration["PAYUNG_NOTIFY_PROVIDER"] switch
            {
                null or "" or FileOutboxProvider.ProviderName => new FileOutboxProvider(
                    FileOutboxProvider.ResolvePath(configuration, sp.GetRequiredService<IHostEnvironment>()),
                    sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FileOutboxProvider>>()),
                var other => throw new InvalidOperationException($"PAYUNG_NOTIFY_PROVIDER '{other}' is not a known provider (file)."),
            };
        });
        services.AddScoped<DispatchNotifications>();
        services.AddScoped<ListNotifications>();
        services.AddScoped<RecordDeliveryStatus>();
        services.AddScoped<HandOverToSelfPaid>();
        services.AddScoped<SendSelfPaidReminders>();
        services.AddScoped<ReportRetention.ReportRetention>();
        services.AddJobHandler<HandoverJob>(HandoverJob.JobKind);
        if (background)
        {
            services.AddHostedService<NotificationDispatcher>();
            services.AddHostedService<HandoverScheduler>();
        }

        return services;
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        NotificationEndpoints.Map(api);
        HandoverEndpoints.Map(api);
        ReportRetention.RetentionEndpoints.Map(api);
    }
}
