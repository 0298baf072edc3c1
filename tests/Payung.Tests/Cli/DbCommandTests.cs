using Npgsql;
using Payung.Infrastructure;
using Payung.Testing;

namespace Payung.Tests.Cli;

public sealed class DbCommandTests
{
    private const string Unreachable = "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=2";

    [Fact]
    public async Task DbMigrate_OnAnUpToDateDatabase_SaysUpToDateAndExitsWithZero()
    {
        var db = await TestDatabase.GetAsync();

        var run = await CliRun.RunAsync("db", "migrate", "--db", db.ConnectionString);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Database is up to date", run.Output);
        Assert.DoesNotContain("Applied", run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task DbStatus_OnAMigratedDatabase_ExitsWithZeroShowingTheTargetButNotThePassword()
    {
        var db = await TestDatabase.GetAsync();
        var cs = new NpgsqlConnectionStringBuilder(db.ConnectionString);

        var run = await CliRun.RunAsync("db", "status", "--db", db.ConnectionString);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{cs.Host}:{cs.Port}/{cs.Database}", run.Output);
        Assert.Contains("No pending migrations", run.Output);
        Assert.False(string.IsNullOrEmpty(cs.Password));
        Assert.DoesNotContain(cs.Password!, run.Output + run.Error);
    }

    [Fact]
    public async Task DbStatus_WhenGlobalOptionComesBeforeTheCommand_UsesIt()
    {
        var db = await TestDatabase.GetAsync();

        var run = await CliRun.RunAsync("--db", db.ConnectionString, "db", "status");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--db option", run.Output);
    }

    [Fact]
    public async Task DbStatusAndMigrate_OnAFreshDatabase_ListPendingWithThreeThenApplyEveryMigration()
    {
        await using var fresh = await FreshDatabase.CreateAsync();
        var versions = MigrationRunner.Embedded.Select(m => m.Version).ToList();

        var before = await CliRun.RunAsync("db", "status", "--db", fresh.ConnectionString);
        var migrate = await CliRun.RunAsync("db", "migrate", "--db", fresh.ConnectionString);
        var after = await CliRun.RunAsync("db", "status", "--db", fresh.ConnectionString);

        Assert.Equal(3, before.ExitCode);
        Assert.All(versions, v => Assert.Contains(v, before.Output));
        Assert.Equal(0, migrate.ExitCode);
        Assert.All(versions, v => Assert.Contains($"Applied {v}", migrate.Output));
        Assert.Equal(0, after.ExitCode);
    }

    [Fact]
    public async Task DbMigrate_WhenServerIsUnreachable_ExitsWithFourAndAOneLineMessage()
    {
        var run = await CliRun.RunAsync("db", "migrate", "--db", Unreachable);

        Assert.Equal(4, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("payung: Cannot connect to the database 127.0.0.1:1/z as x", line);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("Password=y", run.Error);
    }

    [Fact]
    public async Task DbStatus_WhenConnectionStringIsMalformed_ExitsWithTwoWithoutEchoingIt()
    {
        var run = await CliRun.RunAsync("db", "status", "--db", "Host=localhost;Password=s3cret;Colour=blue");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--db is not a valid connection string", run.Error);
        Assert.DoesNotContain("s3cret", run.Error);
    }
}
