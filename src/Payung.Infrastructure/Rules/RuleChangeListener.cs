using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Payung.Infrastructure.Rules;

/// <summary>
/// Listens on the <c>payung_rule_change</c> channel (a statement trigger on every rule table notifies it, whoever
/// writes) and clears the caches of the table named, so every web instance and the CLI see a new rate, holiday or rule
/// version at once. After a lost connection it clears every cache, since notifications sent meanwhile are lost.
/// </summary>
public sealed class RuleChangeListener(NpgsqlDataSource dataSource, IEnumerable<IRuleCache> caches, ILogger<RuleChangeListener> logger)
    : BackgroundService
{
    public const string Channel = "payung_rule_change";

    private readonly IRuleCache[] caches = caches.ToArray();
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (tests wait for it before changing a table).</summary>
    public Task Listening => listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var conn = await dataSource.OpenConnectionAsync(stoppingToken);
                conn.Notification += (_, e) => Clear(e.Payload);
                await using (var cmd = new NpgsqlCommand($"listen {Channel}", conn))
                {
                    await cmd.ExecuteNonQueryAsync(stoppingToken);
                }

                ClearAll(); // whatever changed before we listened
                listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await conn.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning(e, "Rule-change listener lost its connection; clearing every rule cache and listening again in 5 s.");
                ClearAll();
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Clear(string table)
    {
        foreach (var cache in caches.Where(c => c.Tables.Contains(table, StringComparer.Ordinal)))
        {
            cache.Invalidate();
        }

        logger.LogDebug("Rule table {Table} changed; its caches are cleared.", table);
    }

    private void ClearAll()
    {
        foreach (var cache in caches)
        {
            cache.Invalidate();
        }
    }
}

public static class RuleCacheServices
{
    /// <summary>A rule cache as a singleton that the process's <see cref="RuleChangeListener"/> clears.</summary>
    public static IServiceCollection AddRuleCache<TCache>(this IServiceCollection services)
        where TCache : class, IRuleCache
    {
        services.TryAddSingleton<TCache>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRuleCache, TCache>(sp => sp.GetRequiredService<TCache>()));
        services.TryAddSingleton<RuleChangeListener>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RuleChangeListener>(sp => sp.GetRequiredService<RuleChangeListener>()));
        return services;
    }
}
