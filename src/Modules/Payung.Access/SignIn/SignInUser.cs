using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.Access.SignIn;

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, AppUser? User);

/// <summary>
/// Checks a username and password. Wrong passwords count towards a temporary lock-out; unknown names
/// cost the same hashing time as known ones so that they cannot be told apart. Every attempt is audited.
/// </summary>
public sealed class SignInUser(AccessDbContext db, IPasswordHasher<AppUser> hasher, IOptions<AccessOptions> options,
    TimeProvider clock, CallerScopeFactory scopes)
{
    // A valid hash of a random password, verified when the username is unknown.
    private static readonly string DummyHash = new PasswordHasher<AppUser>().HashPassword(null!, Guid.NewGuid().ToString());

    public async Task<SignInResult> ExecuteAsync(string username, string password, string? remoteIp, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var name = username.Trim().ToLowerInvariant();
        // Signing in happens before any scope exists: the user is looked up nationwide by name.
        var user = await db.Users.IgnoreQueryFilters().SingleOrDefaultAsync(u => u.Username == name, ct);
        if (user is null || !user.IsActive)
        {
            hasher.VerifyHashedPassword(null!, DummyHash, password);
            await AuditAsync(CallerScope.Anonymous.WithRemoteIp(remoteIp), "sign_in_failed", name, user, ct, "unknown_or_inactive");
            return new SignInResult(SignInOutcome.Failed, null);
        }

        if (user.IsLockedOut(now))
        {
            await AuditAsync(CallerScope.Anonymous.WithRemoteIp(remoteIp), "sign_in_failed", name, user, ct, "locked_out");
            return new SignInResult(SignInOutcome.LockedOut, null);
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var locked = user.RecordFailedSignIn(options.Value.MaxFailedSignIns, TimeSpan.FromMinutes(options.Value.LockoutMinutes), now);
            await db.SaveChangesAsync(ct);
            await AuditAsync(CallerScope.Anonymous.WithRemoteIp(remoteIp), "sign_in_failed", name, user, ct,
                locked ? "wrong_password_now_locked" : "wrong_password");
            return new SignInResult(locked ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.SetPassword(hasher.HashPassword(user, password), now);
        }

        user.RecordSignIn(now);
        await db.SaveChangesAsync(ct);
        var scope = await scopes.ForAsync(ActorKind.User, user.Id, user.Username, user.Role, user.RegionCode, user.BranchCode, remoteIp, ct);
        await AuditAsync(scope, "sign_in", name, user, ct, "ok");
        return new SignInResult(SignInOutcome.Succeeded, user);
    }

    private async Task AuditAsync(CallerScope actor, string action, string name, AppUser? user, CancellationToken ct, string reason)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = conn.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await conn.OpenAsync(ct);
        }

        try
        {
            // An unknown name is not recorded: people type their password into the username box.
            var detail = System.Text.Json.JsonSerializer.Serialize(new { username = user is null ? null : name, reason });
            await AuditWriter.WriteAsync(conn, null, actor,
                [new AuditRecord(action, "user", user?.Id.ToString() ?? "unknown", user?.RegionCode ?? user?.RegencyCode, null, detail)], ct);
        }
        finally
        {
            if (opened)
            {
                await conn.CloseAsync();
            }
        }
    }
}
