using Microsoft.EntityFrameworkCore;
using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.Access.ManageUsers;

/// <summary>Everything a manager may change about a user; the username and password have their own paths.</summary>
public sealed record UpdateUserRequest(
    string? DisplayName,
    string? Role,
    string? ScopeCode,
    string? BranchCode,
    bool? IsActive);

/// <summary>
/// Changes a user the caller may manage into one the caller may hand out. Nobody deactivates or
/// demotes themselves: an account that locks its own manager out needs another manager.
/// </summary>
public sealed class UpdateUser(AccessDbContext db, CallerContext caller, RoleAssignment assignment, TimeProvider clock)
{
    public async Task<Outcome<UserResponse>> ExecuteAsync(Guid id, UpdateUserRequest? request, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return GetUser.NotFound;
        }

        if (request is null)
        {
            return Refusal.Invalid("body", "Isi permintaan wajib berupa JSON { displayName, role, scopeCode, branchCode, isActive }.");
        }

        var errors = new Dictionary<string, string[]>();
        var displayName = UserRules.ReadDisplayName(request.DisplayName, errors);
        var assigned = RoleAssignment.Read(request.Role, request.ScopeCode, request.BranchCode, errors);
        if (request.IsActive is null)
        {
            errors["isActive"] = ["Status aktif wajib diisi (true atau false)."];
        }

        if (errors.Count > 0 || assigned is not { } given)
        {
            return Refusal.Invalid(errors);
        }

        var (role, scope) = given;
        var manager = caller.Scope;
        if (manager.Kind == ActorKind.User && manager.ActorId == user.Id)
        {
            if (request.IsActive == false)
            {
                return Refusal.Rule("user.self_deactivation", "Anda tidak dapat menonaktifkan akun Anda sendiri.");
            }

            if (role != user.Role || scope.ScopeCode != user.RegionCode || scope.BranchCode != user.BranchCode)
            {
                return Refusal.Rule("user.self_demotion", "Anda tidak dapat mengubah peran atau wilayah akun Anda sendiri.");
            }
        }

        // Both what the user is now and what it is to become must be the caller's to hand out.
        if (RoleAssignment.CheckManages(manager, user.Role, user.RegionCode, "user") is { } notYours)
        {
            return notYours;
        }

        if (await assignment.CheckAsync(manager, role, scope, "user", ct) is { } refused)
        {
            return refused;
        }

        user.Update(displayName, role, scope, request.IsActive!.Value, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return UserResponse.From(user);
    }
}
