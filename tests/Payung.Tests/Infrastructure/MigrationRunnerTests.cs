using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Payung.Infrastructure;
using Payung.Testing;

namespace Payung.Tests.Infrastructure;

public sealed class MigrationRunnerTests
{
    [Fact]
    public void Embedded_HoldsNumberedScriptsInOrder()
    {
        var versions = MigrationRunner.Embedded.Select(m => m.Version).ToList();

        Assert.NotEmpty(versions);
        Assert.Equal(versions.Order(StringComparer.Ordinal), versions);
        Assert.All(versions, v => Assert.Matches("^[0-9]{4}_[a-z0-9_]+$", v));
    }

    [Fact]
    public async Task Migrate_OnAMigratedDatabase_AppliesNothingAndLeavesNothingPending()
    {
        var db = await TestDatabase.GetAsync();
        var runner = new MigrationRunner(db.DataSource, NullLogger<MigrationRunner>.Instance);

        Assert.Empty(await runner.MigrateAsync());
        Assert.Empty(await runner.PendingAsync());
    }

    [Fact]
    public async Task Migrate_ConcurrentRunnersOnAFreshDatabase_ApplyEachScriptOnce()
    {
        var db = await TestDatabase.GetAsync();
        var name = $"payung_fresh_{Guid.NewGuid():N}"[..30];
        await ExecAsync(db.DataSource, $"create database {name}");
        try
        {
            var cs = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Database = name }.ConnectionString;
            await using var fresh = NpgsqlDataSource.Create(cs);
            var runners = Enumerable.Range(0, 3)
                .Select(_ => new MigrationRunner(fresh, NullLogger<MigrationRunner>.Instance).MigrateAsync());

            var applied = (await Task.WhenAll(runners)).SelectMany(a => a).ToList();

            Assert.Equal(MigrationRunner.Embedded.Select(m => m.Version), applied.Order(StringComparer.Ordinal));
            await using var cmd = fresh.CreateCommand("select count(*) from public.schema_migrations");
            Assert.Equal((long)MigrationRunner.Embedded.Count, await cmd.ExecuteScalarAsync());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecAsync(db.DataSource, $"drop database if exists {name} with (force)");
        }
    }

    [Fact]
    public async Task Migrate_WhenAnAppliedScriptWasEdited_Refuses()
    {
        var db = await TestDatabase.GetAsync();
        var name = $"payung_edited_{Guid.NewGuid():N}"[..30];
        await ExecAsync(db.DataSource, $"create database {name}");
        try
        {
            var cs = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Database = name }.ConnectionString;
            await using var fresh = NpgsqlDataSource.Create(cs);
            var runner = new MigrationRunner(fresh, NullLogger<MigrationRunner>.Instance);
            await runner.MigrateAsync();
            await ExecAsync(fresh, $"update public.schema_migrations set checksum = 'tampered' where version = '{MigrationRunner.Embedded[0].Version}'");

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.MigrateAsync());

            Assert.Contains(MigrationRunner.Embedded[0].Version, error.Message);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecAsync(db.DataSource, $"drop database if exists {name} with (force)");
        }
    }

    private static async Task ExecAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }
}
