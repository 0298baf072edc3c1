using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Payung.Infrastructure;

namespace Payung.Access.ManageUsers;

public sealed record ResetUserPasswordRequest(string? Password);

/// <summary>
/// Sets a new password for a user the caller may manage and lifts any lock-out. The audit row records
/// that the user changed (its updatedAt), never the hash.
/// </summary>
public sealed class ResetUserPassword(AccessDbContext db, CallerContext caller, IPasswordHasher<AppUser> hasher, TimeProvider clock)
{
    /// <returns>Null when the password was set; otherwise why not.</returns>
    public async Task<Refusal?> ExecuteAsync(Guid id, ResetUserPasswordRequest? request, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return GetUser.NotFound;
        }

        var errors = new Dictionary<string, string[]>();
        UserRules.CheckPassword(request?.Password, user.Username, errors);
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        if (RoleAssignment.CheckManages(caller.Scope, user.Role, user.RegionCode, "user") is { } notYours)
        {
            return notYours;
        }

        var now = clock.GetUtcNow();
        user.SetPassword(hasher.HashPassword(user, request!.Password!), now);
        await db.SaveChangesAsync(ct);
        return null;
    }
}
