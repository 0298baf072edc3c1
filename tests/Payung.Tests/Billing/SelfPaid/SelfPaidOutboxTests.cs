using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Payung.Billing.HandOverToSelfPaid;
using Payung.Billing.NotifyParticipants;
using Payung.Infrastructure.Jobs;
using Payung.Programs.Contracts;
using Payung.Shared;
using Payung.Tests.Registry.Workers;
using static Payung.Tests.Billing.SelfPaid.SelfPaidTestKit;
using static Payung.Tests.Programs.Enrollment.EnrollmentTestKit;

namespace Payung.Tests.Billing.SelfPaid;

/// <summary>
/// The hand-over messages, the reminders and the dispatch of the outbox on the real database. These tests share one
/// class because dispatching sends every queued message of the database, so they must not run beside each other.
/// </summary>
public sealed class SelfPaidOutboxTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task HandOver_QueuesOneMessagePerParticipantWithAPhone_AndRunningTwiceQueuesNothingNew()
    {
        var current = CurrentMonth(factory);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: current.PlusMonths(-1).ToString(), To: current.ToString()));
        var siti = await CreateWorkerAsync(factory, "081200001111", name: "Siti Aminah");
        var budi = await CreateWorkerAsync(factory, "081200002222", name: "Budi Santoso");
        var eka = await CreateWorkerAsync(factory, "081200004444", name: "Eka Tanpa Kpj");
        var cahya = await CreateWorkerAsync(factory, null, name: "Cahya Tanpa Telepon");
        var dedi = await CreateWorkerAsync(factory, "081200003333", name: "Dedi Pindah");
        var enrolled = await EnrollAsync(factory, programme, siti, budi, eka, cahya, dedi);
        await EndAsync(factory, enrolled.Verdicts.Single(v => v.WorkerId == dedi).EnrollmentId!.Value, "moved", current.PlusMonths(-1).ToString());
        var (sitiKpj, sitiOldKpj, budiKpj) = (NewKpj(), NewKpj(), NewKpj());
        await SeeKpjOnStatementAsync(factory, siti, sitiOldKpj, DateTimeOffset.UtcNow);
        await SelfPaidMonthAsync(factory, siti, "2024-01", 16_800, kpj: sitiKpj);
        await SeeKpjOnStatementAsync(factory, budi, budiKpj, DateTimeOffset.UtcNow);

        var first = await HandOverAsync(factory, programme);
        var second = await HandOverAsync(factory, programme);

        Assert.Equal((4, 3, 0, 1, 2), (first.Participants, first.Queued, first.AlreadyQueued, first.WithoutPhone, first.WithoutKpj));
        Assert.Equal((4, 0, 3, 1), (second.Participants, second.Queued, second.AlreadyQueued, second.WithoutPhone));
        Assert.DoesNotContain(first.Items, i => i.WorkerId == dedi);
        Assert.Equal("no_phone", first.Items.Single(i => i.WorkerId == cahya).Outcome);
        var rows = await NotificationsAsync(factory, $"handover:{programme}:");
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(("handover", "sms", "queued", current.PlusMonths(1).ToString()), (r.Kind, r.Channel, r.Status, r.Month)));

        var quote = await factory.Services.GetRequiredService<SelfPaidContribution>().QuoteAsync(current.PlusMonths(1), "agriculture", default);
        var instructions = await SettingAsync(factory, "self_paid_payment_instructions");
        var sitiBody = rows.Single(r => r.DedupeKey == HandOverToSelfPaid.DedupeKey(programme, siti)).Body;
        Assert.Contains("Siti Aminah", sitiBody);
        Assert.Contains(sitiKpj, sitiBody);
        Assert.DoesNotContain(sitiOldKpj, sitiBody);
        Assert.Contains(SelfPaidMessage.Rupiah(quote!.Total), sitiBody);
        Assert.Contains(SelfPaidMessage.MonthName(current), sitiBody);
        Assert.Contains(instructions, sitiBody);
        Assert.Contains(budiKpj, rows.Single(r => r.DedupeKey == HandOverToSelfPaid.DedupeKey(programme, budi)).Body);
        Assert.Contains(SelfPaidMessage.UnknownKpj, rows.Single(r => r.DedupeKey == HandOverToSelfPaid.DedupeKey(programme, eka)).Body);
        Assert.Equal("081200004444", rows.Single(r => r.DedupeKey == HandOverToSelfPaid.DedupeKey(programme, eka)).Recipient);
        Assert.True(await Access.AccessTestKit.AuditCountAsync(factory, programme.ToString(), "create") >= 1);
    }

    // PP 50/2025: half JKK+JKM for BPU months April–December 2026, for transport workers January 2026–March 2027.
    [Theory]
    [InlineData("petani", "2026-03", "April 2026", "Rp8.400/bulan April–Desember 2026, Rp16.800/bulan mulai Januari 2027")]
    [InlineData("petani", "2026-11", "Desember 2026", "Rp8.400/bulan Desember 2026, Rp16.800/bulan mulai Januari 2027")]
    [InlineData("petani", "2026-12", "Januari 2027", "Rp16.800/bulan mulai Januari 2027")]
    [InlineData("petani", "2025-12", "Januari 2026",
        "Rp16.800/bulan Januari–Maret 2026, Rp8.400/bulan April–Desember 2026, Rp16.800/bulan mulai Januari 2027")]
    [InlineData("ojek_pengemudi", "2026-09", "Oktober 2026", "Rp8.400/bulan Oktober 2026–Maret 2027, Rp16.800/bulan mulai April 2027")]
    [InlineData("ojek_pengemudi", "2025-12", "Januari 2026", "Rp8.400/bulan Januari 2026–Maret 2027, Rp16.800/bulan mulai April 2027")]
    public async Task HandOver_TellsTheSelfPaidAmountsMonthByMonthAcrossRateChanges_WithTheDueDayAndLapseOfTheRule(
        string occupation, string lastMonth, string firstSelfPaid, string schedule)
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: lastMonth, To: lastMonth));
        var worker = await CreateWorkerAsync(factory, "081311112222", name: "Rina Rahayu", occupation: occupation);
        await EnrollAsync(factory, programme, worker);

        var result = await HandOverIgnoringTheWindowAsync(factory, programme);

        Assert.Equal(1, result.Queued);
        var body = (await NotificationsAsync(factory, $"handover:{programme}:")).Single().Body;
        Assert.Contains($"mulai {firstSelfPaid} lanjutkan iuran secara mandiri (JKK dan JKM): {schedule}, dibayar paling lambat "
            + "tanggal 15 (atau hari kerja berikutnya) setiap bulan.", body);
        Assert.Contains("lebih dari 3 bulan berturut-turut tidak membayar membuat kepesertaan nonaktif", body);
        Assert.Equal(schedule.Split(", ").Length, result.Items.Single().Amounts.Count);
    }

    [Fact]
    public async Task HandOver_BeforeTheNoticeWindow_IsRefused()
    {
        var current = CurrentMonth(factory);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: current.ToString(), To: current.PlusMonths(3).ToString()));

        using var scope = factory.Services.CreateScope();
        var outcome = await scope.As<HandOverToSelfPaid>(Operator).ExecuteAsync(programme, default);

        Assert.Equal(("handover.too_early", 422), (outcome.Refusal?.Code, outcome.Refusal?.Status));
    }

    [Fact]
    public async Task Dispatch_SendsQueuedMessagesThroughTheFileProvider_AndMarksThemSent()
    {
        var current = CurrentMonth(factory);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: current.ToString(), To: current.ToString()));
        var worker = await CreateWorkerAsync(factory, "081355556666", name: "Wati Terkirim");
        await EnrollAsync(factory, programme, worker);
        await HandOverAsync(factory, programme);
        var file = Path.Combine(Path.GetTempPath(), $"payung-outbox-{Guid.NewGuid():N}", "messages.jsonl");
        var provider = new FileOutboxProvider(file, TimeProvider.System, NullLogger<FileOutboxProvider>.Instance);

        var result = await DispatchAsync(provider, TimeProvider.System);

        var row = (await NotificationsAsync(factory, $"handover:{programme}:")).Single();
        Assert.True(result.Sent >= 1);
        Assert.Equal(("sent", 1, "file", $"file:{row.Id:N}", null), (row.Status, row.Attempts, row.Provider, row.ProviderRef, row.LastError));
        Assert.NotNull(row.SentAt);
        var line = File.ReadAllLines(file).Select(l => JsonDocument.Parse(l).RootElement).Single(l => l.GetProperty("id").GetGuid() == row.Id);
        Assert.Equal(row.Body, line.GetProperty("body").GetString());
        Assert.Equal("081355556666", line.GetProperty("recipient").GetString());

        // The provider reports delivery with the reference it gave.
        using var scope = factory.Services.CreateScope();
        var record = scope.As<RecordDeliveryStatus>(Operator);
        var wrong = await record.ExecuteAsync(row.Id, new DeliveryStatusRequest("delivered", "file:lain", null), default);
        var delivered = await record.ExecuteAsync(row.Id, new DeliveryStatusRequest("delivered", row.ProviderRef, null), default);
        var again = await record.ExecuteAsync(row.Id, new DeliveryStatusRequest("delivered", row.ProviderRef, null), default);
        Assert.Equal("notification.provider_ref_mismatch", wrong.Refusal?.Code);
        Assert.Equal("delivered", delivered.Value?.Status);
        Assert.NotNull(delivered.Value?.DeliveredAt);
        Assert.Equal(delivered.Value?.DeliveredAt, again.Value?.DeliveredAt);
    }

    [Fact]
    public async Task Dispatch_WhenTheProviderFails_RecordsTheFailure_AndRetriesOnlyAfterTheRetryDelay()
    {
        var current = CurrentMonth(factory);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: current.ToString(), To: current.ToString()));
        var worker = await CreateWorkerAsync(factory, "081377778888", name: "Yanto Gagal");
        await EnrollAsync(factory, programme, worker);
        await HandOverAsync(factory, programme);
        var now = DateTimeOffset.UtcNow;
        var retryMinutes = int.Parse(await SettingAsync(factory, "notification_retry_minutes"), System.Globalization.CultureInfo.InvariantCulture);

        await DispatchAsync(new FailingProvider(), new FixedClock(now));
        var failed = (await NotificationsAsync(factory, $"handover:{programme}:")).Single();
        await DispatchAsync(new FailingProvider(), new FixedClock(now.AddMinutes(1)));
        var notYet = (await NotificationsAsync(factory, $"handover:{programme}:")).Single();
        var file = Path.Combine(Path.GetTempPath(), $"payung-outbox-{Guid.NewGuid():N}", "messages.jsonl");
        await DispatchAsync(new FileOutboxProvider(file, TimeProvider.System, NullLogger<FileOutboxProvider>.Instance),
            new FixedClock(now.AddMinutes(retryMinutes + 1)));
        var retried = (await NotificationsAsync(factory, $"handover:{programme}:")).Single();

        Assert.Equal(("failed", 1, "gagal-uji"), (failed.Status, failed.Attempts, failed.Provider));
        Assert.Contains("gateway menolak", failed.LastError);
        Assert.Null(failed.SentAt);
        Assert.Equal(("failed", 1), (notYet.Status, notYet.Attempts));
        Assert.Equal(("sent", 2, "file", null), (retried.Status, retried.Attempts, retried.Provider, retried.LastError));
    }

    [Fact]
    public async Task DeliveryReport_OfAFailureAfterSending_PutsTheMessageBackInLineForAnotherAttempt()
    {
        var current = CurrentMonth(factory);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: current.ToString(), To: current.ToString()));
        var worker = await CreateWorkerAsync(factory, "081388880000", name: "Zaki Tak Sampai");
        await EnrollAsync(factory, programme, worker);
        await HandOverAsync(factory, programme);
        var file = Path.Combine(Path.GetTempPath(), $"payung-outbox-{Guid.NewGuid():N}", "messages.jsonl");
        var provider = new FileOutboxProvider(file, TimeProvider.System, NullLogger<FileOutboxProvider>.Instance);
        await DispatchAsync(provider, TimeProvider.System);
        var sent = (await NotificationsAsync(factory, $"handover:{programme}:")).Single();

        using (var scope = factory.Services.CreateScope())
        {
            var report = await scope.As<RecordDeliveryStatus>(Operator)
                .ExecuteAsync(sent.Id, new DeliveryStatusRequest("failed", sent.ProviderRef, "nomor tidak aktif"), default);
            Assert.Equal(("failed", "nomor tidak aktif"), (report.Value?.Status, report.Value?.LastError));
        }

        var retryMinutes = int.Parse(await SettingAsync(factory, "notification_retry_minutes"), System.Globalization.CultureInfo.InvariantCulture);
        await DispatchAsync(provider, new FixedClock(DateTimeOffset.UtcNow.AddMinutes(retryMinutes + 1)));
        var resent = (await NotificationsAsync(factory, $"handover:{programme}:")).Single();
        Assert.Equal(("sent", 2), (resent.Status, resent.Attempts));
        Assert.Equal(2, File.ReadAllLines(file).Count(l => l.Contains(sent.Id.ToString(), StringComparison.Ordinal)));
    }

    [Fact]
    public void FileProvider_WritesUnderTheDataFolder_UnlessAFileIsConfigured()
    {
        var environment = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = "/srv/payung/src/Payung.Web" };
        string PathFor(params (string Key, string Value)[] settings) => FileOutboxProvider.ResolvePath(
            new ConfigurationBuilder()
                .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build(), environment);

        Assert.Equal("/var/payung/outbox/messages.jsonl", PathFor(("PAYUNG_DATA_DIR", "/var/payung")));
        Assert.Equal("/srv/payung/src/Payung.Web/kirim/pesan.jsonl", PathFor(("PAYUNG_OUTBOX_FILE", "kirim/pesan.jsonl")));
        Assert.Equal("/srv/payung/src/Payung.Web/.data/outbox/messages.jsonl", PathFor());
    }

    [Fact]
    public async Task Reminders_GoToWhoStoppedPayingBeforeTheLapse_OncePerWorkerAndMonth()
    {
        var current = CurrentMonth(factory);
        var ended = current.PlusMonths(-2);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: ended.ToString(), To: ended.ToString()));
        var lapsedProgramme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: current.PlusMonths(-5).ToString(), To: current.PlusMonths(-5).ToString()));
        var nextProgramme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: current.PlusMonths(-1).ToString(), To: current.PlusMonths(-1).ToString()));
        var unpaid = await CreateWorkerAsync(factory, "081399990001", name: "Lina Belum Bayar");
        var paying = await CreateWorkerAsync(factory, "081399990002", name: "Mira Bayar");
        var continued = await CreateWorkerAsync(factory, "081399990003", name: "Nana Lanjut Program");
        var lapsed = await CreateWorkerAsync(factory, "081399990004", name: "Oki Nonaktif");
        await EnrollAsync(factory, programme, unpaid, paying, continued);
        await EnrollAsync(factory, lapsedProgramme, lapsed);
        await EnrollAsync(factory, nextProgramme, continued);
        await SelfPaidMonthAsync(factory, paying, current.PlusMonths(-1).ToString(), 8_400);

        var first = await RemindAsync(current);
        var second = await RemindAsync(current);

        var mine = new[] { unpaid, paying, continued, lapsed };
        var rows = (await NotificationsAsync(factory, "reminder:")).Where(r => mine.Any(w => r.DedupeKey.Contains(w.ToString(), StringComparison.Ordinal))).ToList();
        var row = Assert.Single(rows);
        Assert.Equal(SendSelfPaidReminders.DedupeKey(unpaid, current.PlusMonths(-1)), row.DedupeKey);
        Assert.Equal(("self_paid_reminder", current.PlusMonths(-1).ToString()), (row.Kind, row.Month));
        var quote = await factory.Services.GetRequiredService<SelfPaidContribution>().QuoteAsync(current.PlusMonths(-1), "agriculture", default);
        Assert.Contains(SelfPaidMessage.MonthName(current.PlusMonths(-1)), row.Body);
        // The 15th, or the next working day when it is not one.
        var due = (await factory.Services.GetRequiredService<Payung.Infrastructure.Rules.WorkingCalendarCache>().GetAsync(default))
            .DueDate(current.PlusMonths(-1), 15);
        Assert.Contains($"sebesar {SelfPaidMessage.Rupiah(quote!.Total)} (jatuh tempo {due.Day} {SelfPaidMessage.MonthName(current.PlusMonths(-1))})", row.Body);
        Assert.Contains("lebih dari 3 bulan berturut-turut", row.Body);
        Assert.True(first.Queued >= 1);
        Assert.DoesNotContain(await NotificationsAsync(factory, "reminder:"), r => r.DedupeKey.Contains(unpaid.ToString(), StringComparison.Ordinal)
            && r.Id != row.Id);
        Assert.True(second.AlreadyQueued >= 1);
    }

    [Fact]
    public async Task DailyRun_HandsOverProgrammesInTheirNoticeWindowOnly()
    {
        var current = CurrentMonth(factory);
        var ending = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: current.ToString(), To: current.ToString()));
        var later = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: current.ToString(), To: current.PlusMonths(3).ToString()));
        var first = await CreateWorkerAsync(factory, "081344440001", name: "Umi Harian");
        var second = await CreateWorkerAsync(factory, "081344440002", name: "Vina Harian");
        await EnrollAsync(factory, ending, first);
        await EnrollAsync(factory, later, second);

        var queue = factory.Services.GetRequiredService<JobQueue>();
        var owner = "test:" + Access.AccessTestKit.Unique("handover");
        var id = await queue.EnqueueAsync(HandoverJob.Request(Operator) with { LeaseOwner = owner });
        var state = await factory.Services.GetRequiredService<JobRunner>().RunAsync(id, owner, null, CancellationToken.None);

        Assert.Equal(JobState.Succeeded, state);
        var result = (await queue.FindAsync(id, default))!.Result!.Value;
        // Other tests' programmes of the regency may end this month too: at least this one was handed over.
        Assert.True(result.GetProperty("handoverQueued").GetInt32() >= 1);
        Assert.Single(await NotificationsAsync(factory, $"handover:{ending}:"));
        Assert.Empty(await NotificationsAsync(factory, $"handover:{later}:"));
    }

    [Fact]
    public async Task Api_HandOverAnswersTheCounts_AndTheListIsScopedAndMasked()
    {
        var current = CurrentMonth(factory);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: current.ToString(), To: current.ToString()));
        var worker = await CreateWorkerAsync(factory, "081366667777", name: "Putri Api");
        var silent = await CreateWorkerAsync(factory, null, name: "Qori Api");
        await EnrollAsync(factory, programme, worker, silent);
        var disnaker = await WorkersTestKit.ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);

        var response = await disnaker.PostAsync($"/api/v1/programmes/{programme}/handover", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Web);
        Assert.Equal((2, 1, 1), (body.GetProperty("participants").GetInt32(), body.GetProperty("queued").GetInt32(), body.GetProperty("withoutPhone").GetInt32()));

        var full = await ListAsync(disnaker, programme);
        var province = await ListAsync(await WorkersTestKit.ClientAsync(factory, Role.ProvinceViewer, "18"), programme);
        var otherVillage = await ListAsync(await WorkersTestKit.ClientAsync(factory, Role.DesaOperator, WorkersTestKit.Tengkujuh), programme);
        Assert.Equal("081366667777", full.Single().GetProperty("recipient").GetString());
        Assert.Contains("Putri Api", full.Single().GetProperty("body").GetString());
        Assert.Equal("0813*****777", province.Single().GetProperty("recipient").GetString());
        Assert.Equal(JsonValueKind.Null, province.Single().GetProperty("body").ValueKind);
        Assert.Empty(otherVillage);
        var badKind = await disnaker.GetAsync("/api/v1/notifications?kind=surat");
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, Guid programme)
    {
        var response = await client.GetAsync($"/api/v1/notifications?programme={programme}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Web)).GetProperty("items").EnumerateArray().ToList();
    }

    private async Task<DispatchResult> DispatchAsync(INotificationProvider provider, TimeProvider clock)
    {
        using var scope = factory.Services.CreateScope();
        var dispatch = ActivatorUtilities.CreateInstance<DispatchNotifications>(scope.ServiceProvider, provider, clock);
        return await dispatch.RunAsync(DispatchNotifications.DefaultBatchSize, int.MaxValue, default);
    }

    private async Task<RemindersResult> RemindAsync(ContributionMonth current)
    {
        using var scope = factory.Services.CreateScope();
        await using var conn = await factory.Database.DataSource.OpenConnectionAsync();
        return await scope.ServiceProvider.GetRequiredService<SendSelfPaidReminders>().RunAsync(conn, Operator, current, default);
    }

    private sealed class FailingProvider : INotificationProvider
    {
        public string Name => "gagal-uji";

        public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct) =>
            Task.FromResult(SendResult.Failed("gateway menolak: kuota habis"));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
