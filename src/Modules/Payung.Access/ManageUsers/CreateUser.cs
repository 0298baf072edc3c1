using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Payung.Infrastructure;

namespace Payung.Access.ManageUsers;

public sealed record CreateUserRequest(
    string? Username,
    string? DisplayName,
    string? Role,
    string? ScopeCode,
    string? BranchCode,
    string? Password);

/// <summary>
/// Creates a user with a role the caller may hand out, in a region inside the caller's scope. The user
/// row and its audit row commit together, or neither does (e.g. when the username is taken).
/// </summary>
public sealed class CreateUser(
    AccessDbContext db,
    CallerContext caller,
    RoleAssignment assignment,
    IPasswordHasher<AppUser> hasher,
    TimeProvider clock)
{
    public const string UsernameIndex = "app_user_username_key";

    public async Task<Outcome<UserResponse>> ExecuteAsync(CreateUserRequest? request, CancellationToken ct)
    {
        if (request is null)
        {
            return Refusal.Invalid("body", "Isi permintaan wajib berupa JSON { username, displayName, role, scopeCode, branchCode, password }.");
        }

        var errors = new Dictionary<string, string[]>();
        var username = UserRules.ReadUsername(request.Username, errors);
        var displayName = UserRules.ReadDisplayName(request.DisplayName, errors);
        var assigned = RoleAssignment.Read(request.Role, request.ScopeCode, request.BranchCode, errors);
        UserRules.CheckPassword(request.Password, username, errors);
        if (errors.Count > 0 || assigned is not { } given)
        {
            return Refusal.Invalid(errors);
        }

        var (role, scope) = given;
        if (await assignment.CheckAsync(caller.Scope, role, scope, "user", ct) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var user = AppUser.Create(username, displayName, role, scope, "", now);
        user.SetPassword(hasher.HashPassword(user, request.Password!), now);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.On(e, UsernameIndex))
        {
            db.Entry(user).State = EntityState.Detached;
            return UsernameTaken(username);
        }

        return UserResponse.From(user);
    }

    internal static Refusal UsernameTaken(string username) =>
        Refusal.Conflict("user.username_taken", "Nama pengguna sudah dipakai.", $"Pilih nama lain selain '{username}'.");
}
