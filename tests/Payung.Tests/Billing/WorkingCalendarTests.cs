using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payung.Infrastructure.Rules;
using Payung.Programs.Rates;
using Payung.Shared;
using Payung.Tests.Access;

namespace Payung.Tests.Billing;

/// <summary>
/// The working-day calendar as data: the seeded decrees of 2025 and 2026, a year an administrator enters (audited), and
/// rule caches cleared in every process when a rule table changes, whoever changed it.
/// </summary>
public sealed class WorkingCalendarTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private async Task<HttpClient> ClientAsync(Role role, string? scope) =>
        await AccessTestKit.SignedInClientAsync(factory, await AccessTestKit.CreateUserAsync(factory, role, scope));

    [Theory]
    [InlineData("2026-02", "2026-02-18")] // Sunday 15th, collective leave, Imlek
    [InlineData("2026-03", "2026-03-16")] // Sunday 15th
    [InlineData("2026-05", "2026-05-18")] // collective leave on Friday 15th
    [InlineData("2025-06", "2025-06-16")] // Sunday 15 June 2025
    [InlineData("2026-07", "2026-07-15")] // a working Wednesday
    public async Task SeededDecrees_MoveTheDueDayToTheNextWorkingDay(string month, string due)
    {
        var calendar = await factory.Services.GetRequiredService<WorkingCalendarCache>().GetAsync(CancellationToken.None);

        Assert.Equal(DateOnly.Parse(due), calendar.DueDate(ContributionMonth.Parse(month), 15));
        Assert.True(calendar.HasYear(2025) && calendar.HasYear(2026));
        Assert.Equal(NonWorkingDay.CollectiveLeave, calendar.NonWorking(new DateOnly(2026, 2, 16))!.Kind);
    }

    [Fact]
    public async Task AYear_IsEnteredByANationalAdministrator_Audited_AndCheckedDayByDay()
    {
        var admin = await ClientAsync(Role.NationalAdmin, null);
        var disnaker = await ClientAsync(Role.DisnakerOperator, "18.01");
        var year = 2099;
        var body = new
        {
            source = "SKB uji 2099",
            days = new[]
            {
                new { date = "2099-01-01", kind = "holiday", name = "Tahun Baru 2099" },
                new { date = "2099-01-15", kind = "collective_leave", name = "Cuti bersama uji" },
            },
        };

        var forbidden = await disnaker.PutAsJsonAsync($"/api/v1/calendar/{year}", body);
        var bad = await admin.PutAsJsonAsync($"/api/v1/calendar/{year}", new
        {
            source = "SKB uji",
            days = new[] { new { date = "2098-12-31", kind = "holiday", name = "X" }, new { date = "2099-02-01", kind = "libur", name = "Hari" } },
        });
        var entered = await admin.PutAsJsonAsync($"/api/v1/calendar/{year}", body);
        var read = await disnaker.GetFromJsonAsync<JsonElement>($"/api/v1/calendar/{year}");
        var cache = factory.Services.GetRequiredService<WorkingCalendarCache>();

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["days[0].date", "days[0].name", "days[1].kind"],
            (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.OK, entered.StatusCode);
        Assert.True(read.GetProperty("entered").GetBoolean());
        Assert.Equal(2, read.GetProperty("days").GetArrayLength());
        // Thursday 15 January 2099 is collective leave: the due day is Friday the 16th.
        Assert.Equal(new DateOnly(2099, 1, 16), (await cache.GetAsync(CancellationToken.None)).DueDate(new ContributionMonth(2099, 1), 15));
        Assert.Equal(1, await AccessTestKit.AuditCountAsync(factory, "2099", "create"));
    }

    [Fact]
    public async Task ARuleTableChangedByAnotherProcess_ClearsThisProcesssCaches()
    {
        await factory.Services.GetRequiredService<RuleChangeListener>().Listening.WaitAsync(TimeSpan.FromSeconds(60));
        var rates = factory.Services.GetRequiredService<RateTableCache>();
        var calendar = factory.Services.GetRequiredService<WorkingCalendarCache>();
        var rateTable = await rates.GetAsync(CancellationToken.None);
        var before = await calendar.GetAsync(CancellationToken.None);

        // Another process: plain SQL on its own connection, no Invalidate() call here.
        await using (var cmd = factory.Database.DataSource.CreateCommand("""
            insert into calendar.year (year, source, entered_by, entered_at) values (2098, 'SKB uji proses lain', 'psql', now())
            on conflict (year) do nothing;
            update programs.funding_source set name = name where code = 'APBD';
            """))
        {
            await cmd.ExecuteNonQueryAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((!(await calendar.GetAsync(CancellationToken.None)).HasYear(2098)
                || ReferenceEquals(rateTable, await rates.GetAsync(CancellationToken.None))) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.False(before.HasYear(2098));
        Assert.True((await calendar.GetAsync(CancellationToken.None)).HasYear(2098));
        Assert.NotSame(rateTable, await rates.GetAsync(CancellationToken.None));
    }
}
