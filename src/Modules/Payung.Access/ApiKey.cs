using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.Access;

/// <summary>
/// A machine's credential, scoped like a user. The secret is shown once; only its SHA-256 is kept
/// (a 256-bit random secret needs no slow hash), looked up by a public prefix.
/// </summary>
[Audited("api_key")]
public sealed class ApiKey : IRegionScoped
{
    private ApiKey()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Prefix { get; private set; } = "";

    [NotAudited]
    public string SecretHash { get; private set; } = "";

    public Role Role { get; private set; }
    /// <summary>The scope's region code (column scope_code); null for national and branch scopes.</summary>
    public string? RegionCode { get; private set; }
    public string? BranchCode { get; private set; }
    public string? RegencyCode { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    [NotAudited]
    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public static ApiKey Create(string name, string prefix, string secretHash, Role role, RoleScope scope, Guid createdBy, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            Name = name,
            Prefix = prefix,
            SecretHash = secretHash,
            Role = role,
            RegionCode = scope.ScopeCode,
            BranchCode = scope.BranchCode,
            RegencyCode = scope.RegencyCode,
            CreatedBy = createdBy,
            CreatedAt = now,
        };

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
