using System.Linq.Expressions;
using Payung.Shared;

namespace Payung.Access.ManageUsers;

/// <summary>A user as managers see it: never the password hash or the sign-in counters.</summary>
public sealed record UserResponse(
    Guid Id,
    string Username,
    string DisplayName,
    string Role,
    string? ScopeCode,
    string? BranchCode,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? LastSignInAt)
{
    /// <summary>A projection for queries, so the hash is never even read.</summary>
    internal static readonly Expression<Func<AppUser, UserResponse>> FromEntity = u =>
        new UserResponse(u.Id, u.Username, u.DisplayName, u.Role.ToCode(), u.RegionCode, u.BranchCode, u.IsActive,
            u.CreatedAt, u.UpdatedAt, u.LastSignInAt);

    // Declared after FromEntity: static fields initialise in order.
    private static readonly Func<AppUser, UserResponse> FromLoaded = FromEntity.Compile();

    internal static UserResponse From(AppUser u) => FromLoaded(u);
}
