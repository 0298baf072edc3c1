using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Payung.Access.ManageUsers;
using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.Access.AddNationalAdmin;

public enum AddNationalAdminOutcome
{
    Created,
    UsernameTaken,
    Invalid,
}

public sealed record AddNationalAdminResult(AddNationalAdminOutcome Outcome, string Message);

/// <summary>
/// Creates a national administrator from the command line: how a real installation gets its first
/// user (demo users are only for `make run`). Audited as done by the system on the operator's behalf.
/// </summary>
public sealed class AddNationalAdmin(AccessDbContext db, CallerContext caller, IPasswordHasher<AppUser> hasher, TimeProvider clock)
{
    public async Task<AddNationalAdminResult> ExecuteAsync(string username, string displayName, string password, CancellationToken ct)
    {
        caller.Scope = CallerScope.System("cli");
        // The same rules as users made on the administration pages.
        var errors = new Dictionary<string, string[]>();
        username = UserRules.ReadUsername(username, errors);
        displayName = string.IsNullOrWhiteSpace(displayName) ? username : UserRules.ReadDisplayName(displayName, errors);
        UserRules.CheckPassword(password, username, errors);
        if (errors.Count > 0)
        {
            return new(AddNationalAdminOutcome.Invalid, string.Join(" ", errors.SelectMany(e => e.Value)));
        }

        if (await db.Users.AnyAsync(u => u.Username == username, ct))
        {
            return new(AddNationalAdminOutcome.UsernameTaken, $"User '{username}' already exists.");
        }

        var now = clock.GetUtcNow();
        var user = AppUser.Create(username, displayName,
            Role.NationalAdmin, new RoleScope(null, null), "", now);
        user.SetPassword(hasher.HashPassword(user, password), now);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return new(AddNationalAdminOutcome.Created, $"National administrator '{username}' created.");
    }
}
