using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payung.Access;
using Payung.Access.ManageApiKeys;
using Payung.Billing.GenerateMonthlyBills;
using Payung.Billing.RecordPayment;
using Payung.Infrastructure;
using Payung.Programs.EnrollWorkers;
using Payung.Shared;

namespace Payung.BrowserTests.Crawl;

/// <summary>The data a form case makes of its own, through the real use cases. NIK serials 94xx are the form cases'.</summary>
public static class CaseData
{
    private static int serial = 9410;

    /// <summary>A fresh NIK of Kalianda for a man born 5 May 1985.</summary>
    public static string NewNik() => "18010605058" + "5" + Interlocked.Increment(ref serial).ToString("0000")[..4];

    public static Task<Guid> WorkerAsync(PayungAppFixture app, string? fullName = null) =>
        BrowserData.RegisterWorkerAsync(app, NewNik(), fullName ?? "Wulan Kasus " + Guid.NewGuid().ToString("N")[..4]);

    /// <summary>Two workers with the same name and birth date in one regency: the candidate the registry raised.</summary>
    public static async Task<Guid> DuplicateAsync(PayungAppFixture app)
    {
        var name = "Kembar Kasus " + Guid.NewGuid().ToString("N")[..4];
        var first = await WorkerAsync(app, name);
        var second = await WorkerAsync(app, name);
        await using var cmd = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "select id from registry.duplicate_candidate where status = 'open' and (worker_id = any($1) and other_worker_id = any($1))");
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [first, second] });
        return (Guid)(await cmd.ExecuteScalarAsync() ?? throw new InvalidOperationException("The registry raised no duplicate candidate."));
    }

    public static async Task<Guid> EnrolledProgrammeAsync(PayungAppFixture app, Guid? worker = null, bool billed = false)
    {
        var programme = await BrowserData.ActiveProgrammeAsync(app, "kasus formulir", "2026-01", "2026-12");
        using var scope = BrowserData.SystemScope(app);
        var enrolled = await scope.ServiceProvider.GetRequiredService<EnrollWorkers>()
            .ExecuteAsync(programme, new EnrollWorkersRequest([worker ?? await WorkerAsync(app)], null, "2024-01-02"), CancellationToken.None);
        Assert.True(enrolled.Succeeded, enrolled.Refusal?.Code);
        if (billed)
        {
            await BillAsync(app, programme);
        }

        return programme;
    }

    public static async Task BillAsync(PayungAppFixture app, Guid programme)
    {
        using var scope = BrowserData.SystemScope(app);
        var bills = await scope.ServiceProvider.GetRequiredService<GenerateBills>()
            .ExecuteAsync(programme, new GenerateBillsRequest(null), CancellationToken.None);
        Assert.True(bills.Succeeded, bills.Refusal?.Code);
    }

    /// <summary>An SP2D recorded before any bill: it stays unallocated until an operator allocates it.</summary>
    public static async Task UnallocatedPaymentAsync(PayungAppFixture app, Guid programme)
    {
        using var scope = BrowserData.SystemScope(app);
        var paid = await scope.ServiceProvider.GetRequiredService<RecordPayment>().ExecuteAsync(programme,
            new RecordPaymentRequest(null, "sp2d", "SP2D/KASUS/" + Guid.NewGuid().ToString("N")[..6], "2026-01-05", 16_800, null, null),
            CancellationToken.None);
        Assert.True(paid.Succeeded, paid.Refusal?.Code);
    }

    public static async Task<Guid> UserIdAsync(PayungAppFixture app, string username)
    {
        using var scope = BrowserData.SystemScope(app);
        return await scope.ServiceProvider.GetRequiredService<AccessDbContext>().Users
            .Where(u => u.Username == username).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A village operator of Jondong of the case's own, for the user pages.</summary>
    public static async Task<Guid> DesaUserAsync(PayungAppFixture app) =>
        await UserIdAsync(app, await BrowserUsers.CreateAsync(app, Role.DesaOperator, "18.01.06.2001"));

    /// <summary>An API key issued by the regency's Disnaker operator, to revoke.</summary>
    public static async Task ApiKeyAsync(PayungAppFixture app)
    {
        var issuer = await UserIdAsync(app, "disnaker.lampungselatan");
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().Scope = CallerScope.ForActor(ActorKind.User, issuer,
            "disnaker.lampungselatan", Role.DisnakerOperator, "18.01", null, ["18.01"], "127.0.0.1");
        var key = await scope.ServiceProvider.GetRequiredService<CreateApiKey>().ExecuteAsync(
            new CreateApiKeyRequest("Kunci kasus " + Guid.NewGuid().ToString("N")[..4], "desa_operator", "18.01.06.2001", null), CancellationToken.None);
        Assert.True(key.Succeeded, key.Refusal?.Code);
    }
}
