using Payung.Testing;

namespace Payung.Tests.Cli;

public sealed class UsersCommandTests
{
    [Fact]
    public async Task AddAdmin_CreatesANationalAdminOnce_AndAuditsIt()
    {
        var db = await TestDatabase.GetAsync();
        var username = $"admin.{Guid.NewGuid():N}"[..20];
        Environment.SetEnvironmentVariable("PAYUNG_ADMIN_PASSWORD", "Sandi-Admin-2026");
        try
        {
            var first = await CliRun.RunAsync("users", "add-admin", username, "--name", "Admin Uji", "--db", db.ConnectionString);
            var second = await CliRun.RunAsync("users", "add-admin", username, "--db", db.ConnectionString);

            Assert.Equal(0, first.ExitCode);
            Assert.NotEqual(0, second.ExitCode);
            Assert.Contains("already exists", second.Error);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PAYUNG_ADMIN_PASSWORD", null);
        }

        await using var cmd = db.DataSource.CreateCommand("""
            select u.role, (select count(*) from access.audit_log a where a.entity = 'user' and a.entity_id = u.id::text and a.action = 'create')
              from access.app_user u where u.username = $1
            """);
        cmd.Parameters.AddWithValue(username);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("national_admin", reader.GetString(0));
        Assert.Equal(1, reader.GetInt64(1));
    }
}
