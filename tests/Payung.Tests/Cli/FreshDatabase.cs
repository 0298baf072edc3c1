using Npgsql;
using Payung.Testing;

namespace Payung.Tests.Cli;

/// <summary>An empty database beside the shared test database, owned by one test and dropped after it.</summary>
internal sealed class FreshDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource server;
    private readonly string name;

    private FreshDatabase(NpgsqlDataSource server, string name, string connectionString)
    {
        this.server = server;
        this.name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<FreshDatabase> CreateAsync()
    {
        var db = await TestDatabase.GetAsync();
        var name = $"payung_cli_{Guid.NewGuid():N}"[..30]; // hex only: safe as an identifier
        await ExecAsync(db.DataSource, $"create database {name}");
        var cs = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Database = name, Pooling = false };
        return new FreshDatabase(db.DataSource, name, cs.ConnectionString);
    }

    public async ValueTask DisposeAsync() => await ExecAsync(server, $"drop database {name} with (force)");

    private static async Task ExecAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }
}
