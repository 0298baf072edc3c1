using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.Access;

/// <summary>A person who signs in. The role decides what they may do, the scope where.</summary>
[Audited("user")]
public sealed class AppUser : IRegionScoped
{
    private AppUser()
    {
    }

    public Guid Id { get; private set; }
    public string Username { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public Role Role { get; private set; }
    /// <summary>The scope's region code (column scope_code); null for national and branch scopes.</summary>
    public string? RegionCode { get; private set; }
    public string? BranchCode { get; private set; }
    public string? RegencyCode { get; private set; }

    [NotAudited]
    public string PasswordHash { get; private set; } = "";

    public bool IsActive { get; private set; }

    [NotAudited]
    public int FailedSignIns { get; private set; }

    [NotAudited]
    public DateTimeOffset? LockedUntil { get; private set; }

    [NotAudited]
    public DateTimeOffset? LastSignInAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static AppUser Create(string username, string displayName, Role role, RoleScope scope, string passwordHash, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            Username = username,
            DisplayName = displayName,
            Role = role,
            RegionCode = scope.ScopeCode,
            BranchCode = scope.BranchCode,
            RegencyCode = scope.RegencyCode,
            PasswordHash = passwordHash,
            IsActive = true,
            CreatedAt = now,
            UpdatedAt = now,
        };

    public void Update(string displayName, Role role, RoleScope scope, bool isActive, DateTimeOffset now)
    {
        DisplayName = displayName;
        Role = role;
        RegionCode = scope.ScopeCode;
        BranchCode = scope.BranchCode;
        RegencyCode = scope.RegencyCode;
        IsActive = isActive;
        UpdatedAt = now;
    }

    public void SetPassword(string passwordHash, DateTimeOffset now)
    {
        PasswordHash = passwordHash;
        FailedSignIns = 0;
        LockedUntil = null;
        UpdatedAt = now;
    }

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Counts a wrong password; at <paramref name="maxFailures"/> the account locks for a while.</summary>
    public bool RecordFailedSignIn(int maxFailures, TimeSpan lockout, DateTimeOffset now)
    {
        FailedSignIns++;
        if (FailedSignIns < maxFailures)
        {
            return false;
        }

        FailedSignIns = 0;
        LockedUntil = now + lockout;
        return true;
    }

    public void RecordSignIn(DateTimeOffset now)
    {
        FailedSignIns = 0;
        LockedUntil = null;
        LastSignInAt = now;
    }
}
