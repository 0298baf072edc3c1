using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Payung.Access;

/// <summary>
/// Authenticates <c>X-Api-Key: pyg_{prefix}_{secret}</c>: finds the key by prefix and compares the
/// SHA-256 of the secret in constant time. Revoked keys fail.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AccessDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AccessClaims.ApiKeyHeader, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeySecret.TryParse(values.ToString(), out var prefix, out var secret))
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        var key = await db.ApiKeys.IgnoreQueryFilters()
            .SingleOrDefaultAsync(k => k.Prefix == prefix, Context.RequestAborted);
        if (key is null || key.IsRevoked ||
            !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(ApiKeySecret.Hash(secret)), Encoding.ASCII.GetBytes(key.SecretHash)))
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        // Once a minute is precise enough for "last used" and keeps a busy key's row from being rewritten
        // on every request.
        var now = clock.GetUtcNow();
        if (key.LastUsedAt is null || key.LastUsedAt < now.AddMinutes(-1))
        {
            await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }
        var identity = new ClaimsIdentity(
            [new Claim(AccessClaims.ActorId, key.Id.ToString()), new Claim(AccessClaims.ActorKind, "api_key"), new Claim(ClaimTypes.Name, key.Name)],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
