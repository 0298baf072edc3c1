using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.Access;

/// <summary>
/// After authentication, turns the principal into the request's <see cref="CallerScope"/>. Role and
/// scope are read from the database on every request, not trusted from the cookie, so deactivating a
/// user, revoking a key or narrowing a scope takes effect on the next request.
/// </summary>
internal sealed class CallerScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, CallerContext caller, AccessDbContext db, CallerScopeFactory factory)
    {
        var ip = http.Connection.RemoteIpAddress?.ToString();
        caller.Scope = CallerScope.Anonymous.WithRemoteIp(ip);
        var principal = http.User;
        if (principal.Identity?.IsAuthenticated == true &&
            Guid.TryParse(principal.FindFirstValue(AccessClaims.ActorId), out var id))
        {
            var scope = principal.FindFirstValue(AccessClaims.ActorKind) == "api_key"
                ? await ForKeyAsync(db, factory, id, ip, http.RequestAborted)
                : await ForUserAsync(db, factory, id, ip, http.RequestAborted);
            if (scope is null)
            {
                // Deactivated, deleted or revoked since the cookie was issued: treat as signed out.
                if (principal.FindFirstValue(AccessClaims.ActorKind) != "api_key")
                {
                    await http.SignOutAsync(AccessClaims.CookieScheme);
                }

                http.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else
            {
                caller.Scope = scope;
            }
        }

        await next(http);
    }

    // Finding the caller itself cannot depend on a scope that is not known yet.
    private static async Task<CallerScope?> ForUserAsync(AccessDbContext db, CallerScopeFactory factory, Guid id, string? ip, CancellationToken ct)
    {
        var user = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(u => u.Id == id && u.IsActive, ct);
        return user is null
            ? null
            : await factory.ForAsync(ActorKind.User, user.Id, user.Username, user.Role, user.RegionCode, user.BranchCode, ip, ct);
    }

    private static async Task<CallerScope?> ForKeyAsync(AccessDbContext db, CallerScopeFactory factory, Guid id, string? ip, CancellationToken ct)
    {
        var key = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(k => k.Id == id && k.RevokedAt == null, ct);
        return key is null
            ? null
            : await factory.ForAsync(ActorKind.ApiKey, key.Id, "api:" + key.Name, key.Role, key.RegionCode, key.BranchCode, ip, ct);
    }
}
