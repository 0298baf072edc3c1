using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Payung.Billing.NotifyParticipants;

/// <summary>
/// Empties the outbox in the background: every <c>PAYUNG_NOTIFY_INTERVAL_SECONDS</c> (default 30) it dispatches what is
/// queued or due for another attempt. <c>0</c> turns it off (tests do, and dispatch on demand).
/// </summary>
internal sealed class NotificationDispatcher(
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = int.TryParse(configuration["PAYUNG_NOTIFY_INTERVAL_SECONDS"], out var s) ? s : 30;
        if (seconds <= 0)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(seconds), stoppingToken);
                try
                {
                    using var scope = scopes.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<DispatchNotifications>()
                        .RunAsync(DispatchNotifications.DefaultBatchSize, maxBatches: 50, stoppingToken);
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
                {
                    logger.LogWarning(e, "Could not dispatch the outbox; trying again later");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
