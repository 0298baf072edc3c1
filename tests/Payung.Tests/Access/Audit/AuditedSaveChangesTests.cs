using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Payung.Access;
using Payung.Shared;
using static Payung.Tests.Access.Audit.AuditTestKit;

namespace Payung.Tests.Access.Audit;

/// <summary>
/// Saving an [Audited] entity through EF writes its audit row in the same transaction as the change:
/// both commit together, and when the save fails or the caller rolls back, neither is left. (Comparing
/// the rows' xmin would not prove it: EF saves inside a savepoint, a subtransaction with its own id.)
/// </summary>
public sealed class AuditedSaveChangesTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 30, 0, TimeSpan.Zero);

    private static CallerScope Admin(string name) =>
        CallerScope.ForActor(ActorKind.User, Guid.CreateVersion7(), name, Role.NationalAdmin, null, null, [], "203.0.113.7");

    private static AppUser NewUser(string username, Role role = Role.DisnakerOperator, string? scope = "18.01") =>
        AppUser.Create(username, "Operator Uji", role,
            RoleScope.TryCreate(role, scope, null, out var error) ?? throw new InvalidOperationException(error),
            "HASH-" + username, Now);

    [Fact]
    public async Task CreatingAUser_WritesOneCreateRowWithTheActorAndTheAfterSnapshot()
    {
        using var scope = factory.Services.CreateScope();
        var actor = Admin(Unique("penguji."));
        var db = Db(scope, actor);
        var user = NewUser(Unique("baru."));

        db.Users.Add(user);
        await db.SaveChangesAsync();

        var row = Assert.Single(await AuditRowsAsync(factory, user.Id.ToString()));
        Assert.Equal(("user", actor.ActorId, actor.ActorName, "203.0.113.7"), (row.ActorKind, row.ActorId, row.ActorName, row.RemoteIp));
        Assert.Equal(("create", "user", "18.01", "18.01"), (row.Action, row.Entity, row.RegionCode, row.RegencyCode));
        Assert.Null(row.Before);
        using var after = JsonDocument.Parse(row.After!);
        Assert.Equal(user.Username, after.RootElement.GetProperty("username").GetString());
        Assert.Equal("Operator Uji", after.RootElement.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task UpdatingAndDeletingAUser_WriteRowsWithBeforeAndAfter()
    {
        using var scope = factory.Services.CreateScope();
        var db = Db(scope, Admin(Unique("penguji.")));
        var user = NewUser(Unique("ubah."));
        db.Users.Add(user);
        await db.SaveChangesAsync();

        user.Update("Nama Baru", Role.DisnakerOperator, new RoleScope("18.71", null), isActive: true, Now.AddHours(1));
        await db.SaveChangesAsync();
        db.Users.Remove(user);
        await db.SaveChangesAsync();

        var rows = await AuditRowsAsync(factory, user.Id.ToString());
        Assert.Equal(new[] { "create", "update", "delete" }, rows.Select(r => r.Action));
        var update = rows[1];
        Assert.Equal("18.71", update.RegionCode);
        using (var before = JsonDocument.Parse(update.Before!))
        using (var after = JsonDocument.Parse(update.After!))
        {
            Assert.Equal("Operator Uji", before.RootElement.GetProperty("displayName").GetString());
            Assert.Equal("18.01", before.RootElement.GetProperty("regionCode").GetString());
            Assert.Equal("Nama Baru", after.RootElement.GetProperty("displayName").GetString());
            Assert.Equal("18.71", after.RootElement.GetProperty("regionCode").GetString());
        }

        var delete = rows[2];
        Assert.NotNull(delete.Before);
        Assert.Null(delete.After);
    }

    [Fact]
    public async Task SaveChanges_WhenTwoUsersShareAUsername_LeavesNeitherTheUsersNorAnAuditRow()
    {
        using var scope = factory.Services.CreateScope();
        var db = Db(scope, Admin(Unique("penguji.")));
        var username = Unique("kembar.");
        var first = NewUser(username);
        var second = NewUser(username);
        db.Users.AddRange(first, second);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Empty(await AuditRowsAsync(factory, first.Id.ToString()));
        Assert.Empty(await AuditRowsAsync(factory, second.Id.ToString()));
        Assert.Equal(0, await UserCountAsync(first.Id, second.Id));
    }

    [Fact]
    public async Task SaveChanges_WhenTheScopeBreaksTheCheckConstraint_LeavesNoAuditRow()
    {
        using var scope = factory.Services.CreateScope();
        var db = Db(scope, Admin(Unique("penguji.")));
        // A national admin with a regency: RoleScope.TryCreate refuses it, the table's check constraint too.
        var user = AppUser.Create(Unique("salah."), "Lingkup Salah", Role.NationalAdmin, new RoleScope("18.01", null), "HASH", Now);
        db.Users.Add(user);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Equal("app_user_scope_fits_role", Assert.IsType<Npgsql.PostgresException>(error.InnerException).ConstraintName);
        Assert.Empty(await AuditRowsAsync(factory, user.Id.ToString()));
        Assert.Equal(0, await UserCountAsync(user.Id));
    }

    [Fact]
    public async Task RollingBackTheCallersTransaction_AfterSaveChanges_RemovesTheAuditRowWithTheChange()
    {
        using var scope = factory.Services.CreateScope();
        var db = Db(scope, CallerScope.System("test"));
        var user = NewUser(Unique("batal."));
        await using var tx = await db.Database.BeginTransactionAsync();

        db.Users.Add(user);
        await db.SaveChangesAsync();
        var insideTheTransaction = await db.AuditLog.CountAsync(e => e.Entity == "user" && e.EntityId == user.Id.ToString());
        await tx.RollbackAsync();

        Assert.Equal(1, insideTheTransaction);
        Assert.Empty(await AuditRowsAsync(factory, user.Id.ToString()));
        Assert.Equal(0, await UserCountAsync(user.Id));
    }

    [Fact]
    public async Task SaveChanges_FailingInsideTheCallersTransaction_LeavesNoAuditRowEvenWhenTheCallerCommits()
    {
        using var scope = factory.Services.CreateScope();
        var db = Db(scope, CallerScope.System("test"));
        var username = Unique("savepoint.");
        var kept = NewUser(username);
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Users.Add(kept);
        await db.SaveChangesAsync();

        var duplicate = NewUser(username);
        db.Users.Add(duplicate);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.Entry(duplicate).State = EntityState.Detached; // the caller handles "username taken" and goes on
        await tx.CommitAsync();

        Assert.Single(await AuditRowsAsync(factory, kept.Id.ToString()));
        Assert.Empty(await AuditRowsAsync(factory, duplicate.Id.ToString()));
    }

    [Fact]
    public async Task NotAuditedFields_NeverAppearInBeforeOrAfter()
    {
        using var scope = factory.Services.CreateScope();
        var db = Db(scope, Admin(Unique("penguji.")));
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>();
        var user = NewUser(Unique("rahasia."));
        user.SetPassword(hasher.HashPassword(user, "Kata-Sandi-Pertama-1"), Now);
        var firstHash = user.PasswordHash;
        db.Users.Add(user);
        await db.SaveChangesAsync();

        user.RecordFailedSignIn(maxFailures: 1, TimeSpan.FromMinutes(15), Now.AddMinutes(1)); // only unaudited columns
        await db.SaveChangesAsync();
        user.SetPassword(hasher.HashPassword(user, "Kata-Sandi-Kedua-2"), Now.AddMinutes(2));
        user.RecordSignIn(Now.AddMinutes(3));
        await db.SaveChangesAsync();

        var rows = await AuditRowsAsync(factory, user.Id.ToString());
        Assert.Equal(new[] { "create", "update" }, rows.Select(r => r.Action)); // the lock-out alone wrote nothing
        string[] secretFields = ["passwordHash", "failedSignIns", "lockedUntil", "lastSignInAt"];
        foreach (var json in rows.SelectMany(r => new[] { r.Before, r.After }).OfType<string>())
        {
            using var doc = JsonDocument.Parse(json);
            var fields = doc.RootElement.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Contains("displayName", fields);
            Assert.DoesNotContain(fields, f => secretFields.Contains(f, StringComparer.OrdinalIgnoreCase));
            Assert.DoesNotContain(firstHash, json);
            Assert.DoesNotContain(user.PasswordHash, json);
        }
    }

    private async Task<long> UserCountAsync(params Guid[] ids)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand("select count(*) from access.app_user where id = any($1)");
        cmd.Parameters.AddWithValue(ids);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
