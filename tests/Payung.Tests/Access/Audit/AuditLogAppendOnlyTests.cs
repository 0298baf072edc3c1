using Npgsql;
using static Payung.Tests.Access.Audit.AuditTestKit;

namespace Payung.Tests.Access.Audit;

/// <summary>
/// The database itself refuses to rewrite history. The tests connect as the cluster's owner (a superuser
/// on the embedded cluster), so no grant or role setting is what stops them: the triggers are.
/// Each attempt runs in a transaction that is rolled back, so a broken trigger could not wipe the
/// rows of tests running alongside.
/// </summary>
public sealed class AuditLogAppendOnlyTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    [Theory]
    [InlineData("update access.audit_log set actor_name = 'ditulis ulang' where id = $1")]
    [InlineData("update access.audit_log set after = '{\"forged\":true}'::jsonb where id = $1")]
    [InlineData("delete from access.audit_log where id = $1")]
    public async Task ChangingOrDeletingAnAuditRow_IsRefusedWithInsufficientPrivilege(string sql)
    {
        var entityId = Unique("row-");
        var id = await InsertAuditAsync(factory, DateTimeOffset.UtcNow, "pencatat-asli", "create", "append_only_test", entityId, "18.01");

        var error = await RefusedAsync(sql, id);

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Contains("append-only", error.MessageText);
        var row = Assert.Single(await AuditRowsAsync(factory, entityId));
        Assert.Equal("pencatat-asli", row.ActorName);
        Assert.Null(row.After);
    }

    [Fact]
    public async Task TruncatingTheAuditTable_IsRefusedWithInsufficientPrivilege()
    {
        var entityId = Unique("row-");
        await InsertAuditAsync(factory, DateTimeOffset.UtcNow, "pencatat-asli", "create", "append_only_test", entityId, null);

        var error = await RefusedAsync("truncate access.audit_log", null);

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Single(await AuditRowsAsync(factory, entityId));
    }

    private async Task<PostgresException> RefusedAsync(string sql, long? id)
    {
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        if (id is { } value)
        {
            cmd.Parameters.AddWithValue(value);
        }

        var error = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
        await tx.RollbackAsync();
        return error;
    }
}
