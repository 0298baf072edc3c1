using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Payung.Billing.ReportRetention;
using Payung.Shared;
using Payung.Tests.Registry.Workers;
using static Payung.Tests.Billing.SelfPaid.SelfPaidTestKit;
using static Payung.Tests.Programs.Enrollment.EnrollmentTestKit;

namespace Payung.Tests.Billing.SelfPaid;

/// <summary>Who continued paying themselves after the programme: 1, 3 and 6 months after its last month, per region.</summary>
public sealed class RetentionTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    [Fact]
    public async Task Retention_CountsSelfPaidMonthsAfterTheProgramme_AmongParticipantsAliveAtItsEnd()
    {
        // October 2025 is more than six months past, so every horizon has been reached.
        var village = await QuietVillageAsync(factory, 11);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2025-09", To: "2025-10"));
        var a = await CreateWorkerAsync(factory, "081211110001", village);
        var b = await CreateWorkerAsync(factory, "081211110002", village);
        var c = await CreateWorkerAsync(factory, "081211110003", village);
        var d = await CreateWorkerAsync(factory, "081211110004", village);
        var died = await CreateWorkerAsync(factory, "081211110005", village);
        await EnrollAsync(factory, programme, a, b, c, d, died);
        await DieAsync(factory, died, new DateOnly(2025, 10, 20));
        await SelfPaidMonthAsync(factory, a, "2025-11", 16_800, village: village);
        await SelfPaidMonthAsync(factory, b, "2025-11", 16_800, village: village);
        await SelfPaidMonthAsync(factory, a, "2026-01", 16_800, village: village);
        // Owed but not paid does not count as continuing.
        await SelfPaidMonthAsync(factory, c, "2026-01", 16_800, paid: false, village: village);

        var byVillage = await ReportAsync(Operator, null, programme, "village");
        var byDistrict = await ReportAsync(Operator, "18.01", programme, "district");
        var byRegency = await ReportAsync(Operator, null, programme, "regency");

        var row = Assert.Single(byVillage.Rows);
        Assert.Equal(village, row.RegionCode);
        Assert.NotNull(row.RegionName);
        Assert.Equal(4, row.Participants);
        Assert.Equal(RetentionFigure.Of(4, 2, 2), row.Month1);
        Assert.Equal(RetentionFigure.Of(4, 1, 1), row.Month3);
        Assert.Equal(RetentionFigure.Of(4, 0, 0), row.Month6);
        Assert.Equal((50.0m, 25.0m), (row.Month1.Percent, row.Month3.ProtectedPercent));
        Assert.Equal((village[..8], 4, 50.0m), (byDistrict.Rows.Single().RegionCode, byDistrict.Rows.Single().Participants, byDistrict.Rows.Single().Month1.Percent));
        Assert.Equal(("18.01", 25.0m), (byRegency.Rows.Single().RegionCode, byRegency.Rows.Single().Month3.Percent));
        Assert.Equal(row.Month3, byVillage.Total.Month3);
    }

    [Fact]
    public async Task Retention_LeavesOutHorizonsNotReachedYet_AndFollowsTheCallersScope()
    {
        var current = CurrentMonth(factory);
        var village = await QuietVillageAsync(factory, 12);
        var ended = current.PlusMonths(-2);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: ended.ToString(), To: ended.ToString()));
        var a = await CreateWorkerAsync(factory, "081222220001", village);
        var b = await CreateWorkerAsync(factory, "081222220002", village);
        await EnrollAsync(factory, programme, a, b);
        await SelfPaidMonthAsync(factory, a, ended.PlusMonths(1).ToString(), 8_400, village: village);

        var own = await ReportAsync(WorkersTestKit.Desa(village), null, programme, null);
        var otherVillage = await ReportAsync(WorkersTestKit.Desa(WorkersTestKit.Tengkujuh), null, programme, null);
        var lahat = await ReportAsync(WorkersTestKit.Disnaker("16.04"), null, programme, "regency");

        var row = Assert.Single(own.Rows);
        Assert.Equal(RetentionFigure.Of(2, 1, 1), row.Month1);
        Assert.Equal(new RetentionFigure(0, 0, null, 0, null), row.Month3);
        Assert.Equal(new RetentionFigure(0, 0, null, 0, null), row.Month6);
        Assert.Empty(otherVillage.Rows);
        Assert.Empty(lahat.Rows);
    }

    [Fact]
    public async Task Retention_CountsWhatHappenedToPeople_LaterProgrammeProtects_DeathLeavesTheDenominator_SixPaidMonthsCounted()
    {
        // Programme September–October 2025; horizons November 2025, January 2026 and April 2026, all past.
        var village = await QuietVillageAsync(factory, 13);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2025-09", To: "2025-10"));
        var later = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-06"));
        var continued = await CreateWorkerAsync(factory, "081233330001", village);
        var fundedAgain = await CreateWorkerAsync(factory, "081233330002", village);
        var died = await CreateWorkerAsync(factory, "081233330003", village);
        var dropped = await CreateWorkerAsync(factory, "081233330004", village);
        var underpaid = await CreateWorkerAsync(factory, "081233330005", village);
        await EnrollAsync(factory, programme, continued, fundedAgain, died, dropped, underpaid);
        await EnrollAsync(factory, later, fundedAgain);
        // Continued self-paid November 2025 – April 2026: six paid months, every horizon paid.
        foreach (var month in new[] { "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04" })
        {
            await SelfPaidMonthAsync(factory, continued, month, 16_800, village: village);
        }

        // Paid November, then died in December: in the first horizon, out of the third and sixth.
        await SelfPaidMonthAsync(factory, died, "2025-11", 16_800, village: village);
        await DieAsync(factory, died, new DateOnly(2025, 12, 20));
        // Paid five months only, and January short: not protected that month, not six months.
        foreach (var month in new[] { "2025-11", "2025-12", "2026-02", "2026-03", "2026-04" })
        {
            await SelfPaidMonthAsync(factory, underpaid, month, 16_800, village: village);
        }

        await SelfPaidMonthAsync(factory, underpaid, "2026-01", 16_800, paid: false, village: village);

        var report = await ReportAsync(Operator, null, programme, "village");

        var row = Assert.Single(report.Rows);
        Assert.Equal(5, row.Participants);
        // November: continued, died (paid before dying), underpaid paid it; the later programme of fundedAgain starts in January.
        Assert.Equal(RetentionFigure.Of(5, 3, 3), row.Month1);
        // January: died is out; continued paid; the later programme protects fundedAgain; underpaid is short; dropped stopped.
        Assert.Equal(RetentionFigure.Of(4, 1, 2), row.Month3);
        // April: continued and underpaid paid themselves; the later programme still protects fundedAgain.
        Assert.Equal(RetentionFigure.Of(4, 2, 3), row.Month6);
        Assert.Equal((1, 1, 20.0m), (row.Died, row.SixMonths, row.SixMonthsPercent));
        Assert.Equal((row.Died, row.SixMonths, row.Month6), (report.Total.Died, report.Total.SixMonths, report.Total.Month6));
    }

    [Fact]
    public async Task Api_RefusesAnUnknownLevel_AndThePageShowsTheTable()
    {
        var client = await WorkersTestKit.ClientAsync(factory, Role.ExecutiveViewer, LampungSelatan);

        var bad = await client.GetAsync("/api/v1/retention?level=planet");
        var ok = await client.GetAsync("/api/v1/retention?level=regency&regency=18.01");
        var page = await client.GetAsync("/mandiri?tingkat=district&kabupaten=18.01");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Melanjutkan iuran secara mandiri", html);
        Assert.Contains("terlindungi oleh pembayar mana pun", html);
        Assert.Contains("6 bulan iuran", html);
    }

    private async Task<RetentionResponse> ReportAsync(CallerScope caller, string? regency, Guid programme, string? level)
    {
        using var scope = factory.Services.CreateScope();
        var outcome = await scope.As<ReportRetention>(caller).ExecuteAsync(regency, programme, level, default);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Code);
        return outcome.Value;
    }
}
