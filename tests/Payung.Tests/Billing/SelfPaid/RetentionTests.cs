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
        Assert.Equal(new RetentionFigure(4, 2, 50.0m), row.Month1);
        Assert.Equal(new RetentionFigure(4, 1, 25.0m), row.Month3);
        Assert.Equal(new RetentionFigure(4, 0, 0m), row.Month6);
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
        Assert.Equal(new RetentionFigure(2, 1, 50.0m), row.Month1);
        Assert.Equal(new RetentionFigure(0, 0, null), row.Month3);
        Assert.Equal(new RetentionFigure(0, 0, null), row.Month6);
        Assert.Empty(otherVillage.Rows);
        Assert.Empty(lahat.Rows);
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
        Assert.Contains("Melanjutkan iuran secara mandiri", await page.Content.ReadAsStringAsync());
    }

    private async Task<RetentionResponse> ReportAsync(CallerScope caller, string? regency, Guid programme, string? level)
    {
        using var scope = factory.Services.CreateScope();
        var outcome = await scope.As<ReportRetention>(caller).ExecuteAsync(regency, programme, level, default);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Code);
        return outcome.Value;
    }
}
