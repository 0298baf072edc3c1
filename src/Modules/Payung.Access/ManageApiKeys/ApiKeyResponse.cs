using System.Linq.Expressions;
using Payung.Shared;

namespace Payung.Access.ManageApiKeys;

/// <summary>An API key as managers see it afterwards: its public prefix, never the secret or its hash.</summary>
public sealed record ApiKeyResponse(
    Guid Id,
    string Name,
    string Prefix,
    string Role,
    string? ScopeCode,
    string? BranchCode,
    Guid CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt)
{
    internal static readonly Expression<Func<ApiKey, ApiKeyResponse>> FromEntity = k =>
        new ApiKeyResponse(k.Id, k.Name, k.Prefix, k.Role.ToCode(), k.RegionCode, k.BranchCode, k.CreatedBy,
            k.CreatedAt, k.RevokedAt, k.LastUsedAt);
}
