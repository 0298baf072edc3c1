using Microsoft.EntityFrameworkCore;
using Payung.Access.ManageUsers;
using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.Access.ManageApiKeys;

public sealed record CreateApiKeyRequest(string? Name, string? Role, string? ScopeCode, string? BranchCode);

/// <summary>The one answer that carries the full <see cref="Key"/>; afterwards only its prefix is known.</summary>
public sealed record CreatedApiKeyResponse(
    Guid Id,
    string Name,
    string Key,
    string Prefix,
    string Role,
    string? ScopeCode,
    string? BranchCode);

/// <summary>
/// Issues an API key scoped like a user, under the same rules as creating a user: a role the caller may
/// hand out, in a region inside the caller's scope. Only the SHA-256 of the secret is stored.
/// </summary>
public sealed class CreateApiKey(AccessDbContext db, CallerContext caller, RoleAssignment assignment, TimeProvider clock)
{
    private const string PrefixIndex = "api_key_prefix_key";

    // The prefix has 32 random bits; a clash is rare enough that a few fresh draws always end it.
    private const int PrefixAttempts = 3;

    public async Task<Outcome<CreatedApiKeyResponse>> ExecuteAsync(CreateApiKeyRequest? request, CancellationToken ct)
    {
        // A key records the person who issued it (api_key.created_by references app_user): machines do not mint keys.
        if (caller.Scope is not { Kind: ActorKind.User, ActorId: { } creator })
        {
            return Refusal.Forbidden("api_key.user_required", "Kunci API hanya dapat dibuat oleh pengguna yang masuk.");
        }

        if (request is null)
        {
            return Refusal.Invalid("body", "Isi permintaan wajib berupa JSON { name, role, scopeCode, branchCode }.");
        }

        var errors = new Dictionary<string, string[]>();
        var name = UserRules.ReadText(request.Name, "name", "Nama kunci", 3, 100, errors);
        var assigned = RoleAssignment.Read(request.Role, request.ScopeCode, request.BranchCode, errors);
        if (errors.Count > 0 || assigned is not { } given)
        {
            return Refusal.Invalid(errors);
        }

        var (role, scope) = given;
        if (await assignment.CheckAsync(caller.Scope, role, scope, "api_key", ct) is { } refused)
        {
            return refused;
        }

        for (var attempt = 1; ; attempt++)
        {
            var (prefix, secret, fullKey) = ApiKeySecret.Generate();
            var key = ApiKey.Create(name, prefix, ApiKeySecret.Hash(secret), role, scope, creator, clock.GetUtcNow());
            db.ApiKeys.Add(key);
            try
            {
                await db.SaveChangesAsync(ct);
                return new CreatedApiKeyResponse(key.Id, key.Name, fullKey, key.Prefix, key.Role.ToCode(), key.RegionCode, key.BranchCode);
            }
            catch (DbUpdateException e) when (UniqueViolation.On(e, PrefixIndex) && attempt < PrefixAttempts)
            {
                db.Entry(key).State = EntityState.Detached;
            }
        }
    }
}
