using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Payung.Access;
using Payung.Billing;
using Payung.Infrastructure;
using Payung.Infrastructure.Jobs;
using Payung.Infrastructure.Rules;
using Payung.Regions;
using Payung.Registry;
using Payung.Shared;

namespace Payung.Cli;

/// <summary>
/// The database one command works on, chosen like the web host chooses it (<c>--db</c>, then
/// <c>PAYUNG_DB</c> / <c>ConnectionStrings:Payung</c>, else the checkout's embedded cluster), with the
/// module services registered over it as the web host registers them. Disposing it stops the embedded
/// cluster only if this command started it and nobody else is connected.
/// </summary>
internal sealed class CliDatabase : IAsyncDisposable
{
    private readonly PayungDatabase database;
    private readonly ServiceProvider services;

    private CliDatabase(PayungDatabase database, ServiceProvider services, string source)
    {
        this.database = database;
        this.services = services;
        Source = source;
        Target = DescribeTarget(database.ConnectionString);
    }

    /// <summary>Where the connection string came from, e.g. <c>--db</c> or the embedded cluster's folder.</summary>
    public string Source { get; }

    /// <summary><c>host:port/database as user</c>; never the password.</summary>
    public string Target { get; }

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    public IServiceScope CreateScope() => services.CreateScope();

    public static async Task<CliDatabase> OpenAsync(ParseResult parseResult, CliConsole console, CancellationToken ct)
    {
        var overrides = new Dictionary<string, string?>();
        if (parseResult.GetValue(GlobalOptions.Database) is { } fromOption)
        {
            overrides["PAYUNG_DB"] = fromOption;
        }

        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        var logLevel = parseResult.GetValue(GlobalOptions.Verbose) ? LogLevel.Information : LogLevel.Warning;
        var loggerFactory = LoggerFactory.Create(b => b
            .SetMinimumLevel(logLevel)
            .AddFilter("Npgsql", LogLevel.Warning) // at Information it logs every statement
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning)
            .AddProvider(new ErrorWriterLoggerProvider(console.Error, logLevel)));
        var root = CheckoutRoot.Find();

        PayungDatabase database;
        try
        {
            database = await PayungDatabase.OpenAsync(configuration, root, loggerFactory.CreateLogger("Payung.Cli"), ct);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or NpgsqlException or UnauthorizedAccessException)
        {
            loggerFactory.Dispose();
            throw new CliFailureException($"Cannot start the embedded PostgreSQL under {root}: {Messages(e)}", e);
        }

        var source = overrides.Count > 0 ? "--db option"
            : database.IsEmbedded ? $"embedded cluster, base directory {root}"
            : !string.IsNullOrWhiteSpace(configuration["PAYUNG_DB"]) ? "PAYUNG_DB"
            : "ConnectionStrings:Payung";

        ServiceProvider services;
        try
        {
            services = BuildServices(database.ConnectionString, loggerFactory);
        }
        catch (ArgumentException e)
        {
            loggerFactory.Dispose();
            await database.DisposeAsync();
            throw new CliFailureException($"The connection string from {source} is not valid: {e.Message}", e);
        }

        var opened = new CliDatabase(database, services, source);
        try
        {
            await opened.ProbeAsync(ct);
            // A long command (a billing run) sees a rate or holiday changed meanwhile by a web instance.
            await opened.Get<RuleChangeListener>().StartAsync(ct);
            return opened;
        }
        catch
        {
            await opened.DisposeAsync();
            throw;
        }
    }

    /// <summary>Connects once so that an unreachable server is reported as such, naming the target.</summary>
    private async Task ProbeAsync(CancellationToken ct)
    {
        try
        {
            await using var conn = await Get<NpgsqlDataSource>().OpenConnectionAsync(ct);
        }
        catch (NpgsqlException e)
        {
            throw new CliFailureException($"Cannot connect to the database {Target} ({Source}): {Messages(e)}", e);
        }
    }

    private static ServiceProvider BuildServices(string connectionString, ILoggerFactory loggerFactory)
    {
        var dataSource = new NpgsqlDataSourceBuilder(connectionString).UseLoggerFactory(loggerFactory).Build();
        var services = new ServiceCollection();
        services.AddSingleton(_ => loggerFactory); // a factory registration, so the provider disposes it
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(_ => dataSource);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BusinessCalendar>();
        services.AddSingleton<MigrationRunner>();
        services.AddRegions();
        services.AddAccess(new ConfigurationBuilder().Build());
        services.AddRegistry();
        services.AddBilling(scheduler: false); // `payung billing run`; the automatic run belongs to the web host
        // The CLI runs its own jobs in-process (payung import); it never polls the queue.
        services.AddJobs(new ConfigurationBuilder().AddEnvironmentVariables().Build(), runWorker: false);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static string DescribeTarget(string connectionString)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var port = cs.Port == 0 ? NpgsqlConnection.DefaultPort : cs.Port;
        var user = string.IsNullOrEmpty(cs.Username) ? "" : $" as {cs.Username}";
        return $"{cs.Host}:{port}/{cs.Database}{user}";
    }

    /// <summary>The exception's message and its causes' on one line, e.g. "Failed to connect to …: Connection refused".</summary>
    internal static string Messages(Exception e)
    {
        var parts = new List<string>();
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            var message = current.Message.ReplaceLineEndings(" ").Trim();
            if (message.Length > 0 && !parts.Any(p => p.Contains(message, StringComparison.Ordinal)))
            {
                parts.Add(message);
            }
        }

        return string.Join(": ", parts);
    }

    public async ValueTask DisposeAsync()
    {
        await Get<RuleChangeListener>().StopAsync(CancellationToken.None);
        await services.DisposeAsync(); // closes the pooled connections before the cluster may stop
        await database.DisposeAsync();
    }
}
