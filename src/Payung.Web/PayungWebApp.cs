using System.Globalization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Npgsql;
using Payung.Access;
using Payung.Billing;
using Payung.Infrastructure;
using Payung.Infrastructure.Jobs;
using Payung.Programs;
using Payung.Regions;
using Payung.Registry;
using Payung.Shared;

namespace Payung.Web;

/// <summary>
/// Builds the whole application: used by Program, and by the browser tests to serve it on a real port.
/// Each module adds itself with one AddX() and maps itself with one MapX().
/// </summary>
public static class PayungWebApp
{
    public const int DefaultPort = 5080;

    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            var port = int.TryParse(builder.Configuration["PAYUNG_PORT"], out var p) ? p : DefaultPort;
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }

        using var loggerFactory = LoggerFactory.Create(l => l.AddConsole());
        var startupLogger = loggerFactory.CreateLogger("Payung.Startup");
        var database = await PayungDatabase.OpenAsync(builder.Configuration, DataRoot(builder), startupLogger);

        var services = builder.Services;
        services.AddSingleton(database);
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(database.ConnectionString).Build());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BusinessCalendar>();
        services.AddSingleton<MigrationRunner>();
        services.AddProblemDetails();
        // Unreadable bodies and parameters become BadHttpRequestException, answered as ProblemDetails
        // by ProblemExceptionHandler, instead of the framework's empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddPayungOpenApi();
        services.AddRazorPages().ConfigureApplicationPartManager(parts =>
        {
            // Module pages live in the module assemblies; name them rather than trust discovery through deps.json,
            // which does not always list a module (it missed Billing's pages under the test host).
            foreach (var assembly in new[] { typeof(AccessModule).Assembly, typeof(RegionsModule).Assembly, typeof(RegistryModule).Assembly, typeof(ProgramsModule).Assembly, typeof(BillingModule).Assembly })
            {
                if (!parts.ApplicationParts.Any(p => p is Microsoft.AspNetCore.Mvc.ApplicationParts.AssemblyPart a && a.Assembly == assembly))
                {
                    foreach (var part in Microsoft.AspNetCore.Mvc.ApplicationParts.ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    {
                        parts.ApplicationParts.Add(part);
                    }
                }
            }
        });
        services.AddLocalization();
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);

        services.AddAccess(builder.Configuration);
        services.AddRegions();
        services.AddRegistry();
        services.AddPrograms();
        services.AddBilling();
        // Persisted background jobs (imports); PAYUNG_JOBS_ENABLED=false keeps this process from running them.
        services.AddJobs(builder.Configuration);
        // Per-row import details (NIK, name) are deleted some days after their import: a daily job.
        services.AddImportDetailsPurgeSchedule();

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            // Close this process's pooled connections first: the embedded cluster is left running while
            // other clients are connected (a CLI run sharing it), and our own idle pool would count as one.
            app.Services.GetRequiredService<NpgsqlDataSource>().Dispose();
            database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        });
        var demoUsers = await StartupTasks.RunAsync(app.Services, app.Configuration, app.Lifetime.ApplicationStopping);
        var pidFile = Path.Combine(app.Configuration["PAYUNG_DATA_DIR"] ?? Path.Combine(DataRoot(builder), ".data"), "payung.pid");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (!app.Environment.IsEnvironment("Testing"))
            {
                PidFile.Write(app, pidFile);
            }

            StartupBanner.Print(app, demoUsers, pidFile);
        });

        app.UseMiddleware<ServerTiming>();
        // API callers get ProblemDetails; people in a browser get the error page.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error/500" });
        app.UseWhen(IsApi, a => a.UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), a => a.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseMiddleware<SecurityHeaders>();
        app.UseRequestLocalization(LocalizationOptions());
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAccess();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Payung API v1");
            o.RoutePrefix = "api-docs";
            o.DocumentTitle = "Payung API";
        });

        var api = app.MapGroup("/api/v1");
        api.MapAccess();
        api.MapRegions();
        api.MapRegistry();
        api.MapPrograms();
        api.MapBilling();
        // Unknown API routes answer ProblemDetails too, never the HTML not-found page.
        api.MapFallback(() => ApiProblem.NotFound("route.not_found", "Alamat API tidak ditemukan."));

        app.MapGet("/bahasa/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            var chosen = culture is "en" ? "en" : "id";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            // Only a path on this site ("/x", never "//host" or "/\\host"): anything else goes home.
            var local = returnUrl is { Length: > 0 } && returnUrl[0] == '/' && (returnUrl.Length == 1 || returnUrl[1] is not ('/' or '\\'));
            return Results.LocalRedirect(local ? returnUrl! : "/");
        }).ExcludeFromDescription();
        app.MapRazorPages();
        return app;
    }

    internal static bool IsApi(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/health") ||
        http.Request.Path.StartsWithSegments("/openapi");

    private static RequestLocalizationOptions LocalizationOptions()
    {
        CultureInfo[] cultures = [new("id-ID"), new("en")];
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("id-ID"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
        // Only the explicit choice (cookie) switches language; the browser's Accept-Language does not,
        // because operators share devices whose browsers are often set to English.
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return options;
    }

    /// <summary>The folder holding .data: the checkout when run from it, else the content root.</summary>
    private static string DataRoot(WebApplicationBuilder builder)
    {
        for (var dir = new DirectoryInfo(builder.Environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Payung.slnx")))
            {
                return dir.FullName;
            }
        }

        return builder.Environment.ContentRootPath;
    }
}
