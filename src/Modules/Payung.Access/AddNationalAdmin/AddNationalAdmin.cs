using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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
    public const int MinimumPasswordLength = 10;

    public async Task<AddNationalAdminResult> ExecuteAsync(string username, string displayName, string password, CancellationToken ct)
    {
        caller.Scope = CallerScope.System("cli");
        username = username.Trim().ToLowerInvariant();
        if (!System.Text.RegularExpressions.Regex.IsMatch(username, "^[a-z0-9._-]{3,40}$"))
        {
            return new(AddNationalAdminOutcome.Invalid, "Username must be 3–40 characters: a–z, 0–9, '.', '_' or '-'.");
        }

        if (password.Length < MinimumPasswordLength || string.Equals(password, username, StringComparison.OrdinalIgnoreCase))
        {
            return new(AddNationalAdminOutcome.Invalid, $"Password must have at least {MinimumPasswordLength} characters and differ from the username.");
        }

        if (await db.Users.AnyAsync(u => u.Username == username, ct))
        {
            return new(AddNationalAdminOutcome.UsernameTaken, $"User '{username}' already exists.");
        }

        var now = clock.GetUtcNow();
        var user = AppUser.Create(username, string.IsNullOrWhiteSpace(displayName) ? username : displayName.Trim(),
            Role.NationalAdmin, new RoleScope(null, null), "", now);
        user.SetPassword(hasher.HashPassword(user, password), now);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return new(AddNationalAdminOutcome.Created, $"National administrator '{username}' created.");
    }
}
