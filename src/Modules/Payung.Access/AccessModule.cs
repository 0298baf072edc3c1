using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payung.Access.Contracts;
using Payung.Infrastructure;

namespace Payung.Access;

public static class AccessModule
{
    public const string SignInRateLimit = "sign-in";

    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccessOptions>(configuration.GetSection("Access"));
        var options = configuration.GetSection("Access").Get<AccessOptions>() ?? new AccessOptions();

        services.AddPayungInfrastructure();
        services.AddModuleDbContext<AccessDbContext>();
        services.AddSingleton<CallerScopeFactory>();
        services.AddSingleton<IPasswordHasher<AppUser>, PasswordHasher<AppUser>>();
        services.AddScoped<SignIn.SignInUser>();
        services.AddScoped<SeedDemoUsers.SeedDemoUsers>();
        services.AddScoped<ManageUsers.RoleAssignment>();
        services.AddScoped<ManageUsers.ListUsers>();
        services.AddScoped<ManageUsers.GetUser>();
        services.AddScoped<ManageUsers.CreateUser>();
        services.AddScoped<ManageUsers.UpdateUser>();
        services.AddScoped<ManageUsers.ResetUserPassword>();
        services.AddScoped<ManageApiKeys.ListApiKeys>();
        services.AddScoped<ManageApiKeys.CreateApiKey>();
        services.AddScoped<ManageApiKeys.RevokeApiKey>();
        services.AddScoped<ViewAudit.ListAuditEntries>();
        services.AddScoped<ViewAudit.ExportAuditEntries>();
        services.AddScoped<AddNationalAdmin.AddNationalAdmin>();

        services.AddAuthentication(AccessClaims.PolicyScheme)
            .AddPolicyScheme(AccessClaims.PolicyScheme, null, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.ContainsKey(AccessClaims.ApiKeyHeader) ? AccessClaims.ApiKeyScheme : AccessClaims.CookieScheme)
            .AddCookie(AccessClaims.CookieScheme, o =>
            {
                o.Cookie.Name = "payung.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(options.IdleTimeoutMinutes);
                o.SlidingExpiration = true; // idle expiry: each request within the window extends it
                o.LoginPath = "/masuk";
                o.LogoutPath = "/keluar";
                o.AccessDeniedPath = "/error/403";
                o.ReturnUrlParameter = "kembali";
                o.Events.OnRedirectToLogin = ctx => AnswerApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => AnswerApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AccessClaims.ApiKeyScheme, null);

        services.AddAuthorization(o =>
        {
            o.AddPolicy(Permissions.SignedIn, p => p.RequireAuthenticatedUser());
            foreach (var (name, roles) in Permissions.Roles)
            {
                o.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireAssertion(ctx =>
                    ctx.Resource is HttpContext http &&
                    http.RequestServices.GetRequiredService<CallerContext>().Scope.Role is { } role &&
                    roles.Contains(role)));
            }
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Attempts are POSTs: showing the form (or coming back to it after a failure) costs none.
            o.AddPolicy(SignInRateLimit, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("sign-in-form")
                : RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.SignInAttemptsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
        });
        return services;
    }

    /// <summary>Authentication, then the caller's scope, then authorization (which reads the scope).</summary>
    public static IApplicationBuilder UseAccess(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseMiddleware<CallerScopeMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    public static IEndpointRouteBuilder MapAccess(this IEndpointRouteBuilder api)
    {
        ViewAudit.AuditEndpoints.Map(api);
        ManageUsers.UsersEndpoints.Map(api);
        ManageApiKeys.ApiKeysEndpoints.Map(api);
        return api;
    }

    private static Task AnswerApiOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        var path = ctx.Request.Path;
        if (path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return ctx.Response.WriteAsJsonAsync(new
            {
                type = $"https://payung.go.id/problems/{(status == 401 ? "auth.required" : "auth.forbidden")}",
                title = status == 401 ? "Silakan masuk terlebih dahulu." : "Peran Anda tidak berwenang untuk tindakan ini.",
                status,
                code = status == 401 ? "auth.required" : "auth.forbidden",
            }, options: null, contentType: "application/problem+json");
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
