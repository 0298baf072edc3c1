using Microsoft.EntityFrameworkCore;
using Payung.Access.ManageUsers;
using Payung.Infrastructure;

namespace Payung.Access.ManageApiKeys;

/// <summary>
/// Revokes a key the caller may manage. Revoking twice changes nothing and is no error; the key fails
/// authentication from the next request on.
/// </summary>
public sealed class RevokeApiKey(AccessDbContext db, CallerContext caller, TimeProvider clock)
{
    /// <returns>Null when the key is revoked (now or before); otherwise why not.</returns>
    public async Task<Refusal?> ExecuteAsync(Guid id, CancellationToken ct)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
        {
            return NotFound;
        }

        if (RoleAssignment.CheckManages(caller.Scope, key.Role, key.RegionCode, "api_key") is { } notYours)
        {
            return notYours;
        }

        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return null;
    }

    internal static Refusal NotFound => Refusal.NotFound("api_key.not_found", "Kunci API tidak ditemukan.");
}
