using System.Net;
using System.Text.Json;
using Payung.Shared;
using static Payung.Tests.Access.Audit.AuditTestKit;

namespace Payung.Tests.Access.Audit;

public sealed class SignInAuditTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    [Fact]
    public async Task SignIn_WithTheRightPassword_WritesASignInRowAsTheUser()
    {
        var user = await CreateUserAsync(factory, Role.DisnakerOperator, "18.01");

        var response = await PostSignInAsync(NewClient(factory), user.Username, Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = Assert.Single(await AuditRowsAsync(factory, user.Id.ToString()), r => r.Action == "sign_in");
        Assert.Equal(("user", user.Id, user.Username), (row.ActorKind, row.ActorId, row.ActorName));
        Assert.Equal(("user", "18.01"), (row.Entity, row.RegencyCode));
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_WritesASignInFailedRowAsAnonymous()
    {
        var user = await CreateUserAsync(factory, Role.KecamatanOperator, "18.01.06");

        var response = await PostSignInAsync(NewClient(factory), user.Username, "bukan-kata-sandinya");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = await AuditRowsAsync(factory, user.Id.ToString());
        Assert.DoesNotContain(rows, r => r.Action == "sign_in");
        var row = Assert.Single(rows, r => r.Action == "sign_in_failed");
        Assert.Equal(("anonymous", (Guid?)null, "anonim"), (row.ActorKind, row.ActorId, row.ActorName));
        Assert.Equal("18.01.06", row.RegionCode);
        using var after = JsonDocument.Parse(row.After!);
        Assert.Equal("wrong_password", after.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task SignIn_WithAnUnknownUsername_WritesANationalSignInFailedRowWithoutWhatWasTyped()
    {
        // People type their password into the username box: an unknown name is never stored.
        var unknown = Unique("hantu.");

        var response = await PostSignInAsync(NewClient(factory), unknown, "apa-saja-123");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await AuditRowsAsync(factory, unknown));
        await using var cmd = factory.Database.DataSource.CreateCommand(
            "select count(*) from access.audit_log where action = 'sign_in_failed' and (entity_id = $1 or after::text like '%' || $1 || '%')");
        cmd.Parameters.AddWithValue(unknown);
        Assert.Equal(0L, await cmd.ExecuteScalarAsync());
    }
}
