using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payung.Shared;
using Payung.Tests.Access;
using static Payung.Tests.Billing.BillingTestKit;
using static Payung.Tests.Programs.Enrollment.EnrollmentTestKit;

namespace Payung.Tests.Billing;

/// <summary>Billing's HTTP API as a Disnaker operator of Lampung Selatan: answers, validation, scope and idempotency.</summary>
public sealed class BillingApiTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>, IAsyncLifetime
{
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        var user = await AccessTestKit.CreateUserAsync(factory, Role.DisnakerOperator, LampungSelatan);
        client = await AccessTestKit.SignedInClientAsync(factory, user);
    }

    public Task DisposeAsync()
    {
        client.Dispose();
        return Task.CompletedTask;
    }

    private async Task<(Guid Programme, (Guid Id, string Nik) Worker)> EnrolledAsync(string from = "2026-01", string to = "2026-02")
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: from, To: to));
        var worker = await BillingTestKit.CreateWorkerAsync(factory);
        await EnrollAsync(factory, programme, worker.Id);
        return (programme, worker);
    }

    private static async Task<string> CodeOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("code", out var c) ? c.GetString()! : "";

    [Fact]
    public async Task BillsPaymentsAndProtection_ThroughTheApi()
    {
        var (programme, worker) = await EnrolledAsync();

        var billed = await client.PostAsJsonAsync($"/api/v1/programmes/{programme}/bills", new { });
        var paid = await client.PostAsJsonAsync($"/api/v1/programmes/{programme}/payments",
            new { method = "sp2d", reference = "SP2D/900/2026", paidOn = "2026-01-09", amount = 2 * MonthlyRate });
        var again = await client.PostAsJsonAsync($"/api/v1/programmes/{programme}/payments",
            new { method = "sp2d", reference = "SP2D/900/2026", paidOn = "2026-01-09", amount = 2 * MonthlyRate });
        var protection = await client.GetFromJsonAsync<JsonElement>($"/api/v1/workers/{worker.Nik}/protection?date=2026-02-03");
        var strip = await client.GetFromJsonAsync<JsonElement>($"/api/v1/workers/{worker.Nik}/contributions?from=2026-01&to=2026-03");
        var money = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/money");

        Assert.Equal(HttpStatusCode.OK, billed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alreadyRecorded").GetBoolean());
        Assert.True(protection.GetProperty("protected").GetBoolean());
        Assert.Equal("2026-02", protection.GetProperty("month").GetString());
        Assert.Equal(programme, protection.GetProperty("fundedBy").GetProperty("programmeId").GetGuid());
        Assert.Equal(["protected", "protected", "none"],
            strip.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("state").GetString()!).ToArray());
        Assert.Equal((2 * MonthlyRate, 2 * MonthlyRate, 2 * MonthlyRate),
            (money.GetProperty("billed").GetInt64(), money.GetProperty("paid").GetInt64(), money.GetProperty("received").GetInt64()));
    }

    [Theory]
    [InlineData("""{"method":"cash","reference":"X-1","paidOn":"2026-01-01","amount":1}""", "method")]
    [InlineData("""{"method":"sp2d","reference":"","paidOn":"2026-01-01","amount":1}""", "reference")]
    [InlineData("""{"method":"sp2d","reference":"SP2D-1","paidOn":"01/01/2026","amount":1}""", "paidOn")]
    [InlineData("""{"method":"sp2d","reference":"SP2D-1","paidOn":"2099-01-01","amount":1}""", "paidOn")]
    [InlineData("""{"method":"sp2d","reference":"SP2D-1","paidOn":"2026-01-01","amount":0}""", "amount")]
    [InlineData("""{"method":"sp2d","reference":"SP2D-1","paidOn":"2026-01-01","amount":-5}""", "amount")]
    public async Task RecordPayment_WithBadInput_Answers400NamingTheField(string body, string field)
    {
        var (programme, _) = await EnrolledAsync();

        var response = await client.PostAsync($"/api/v1/programmes/{programme}/payments",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task RecordPayment_ReusingAReferenceForOtherMoney_Answers409AndWritesNothing()
    {
        var (programme, _) = await EnrolledAsync();
        await client.PostAsJsonAsync($"/api/v1/programmes/{programme}/payments",
            new { method = "transfer", reference = "TRF-77", paidOn = "2026-01-09", amount = MonthlyRate });

        var clash = await client.PostAsJsonAsync($"/api/v1/programmes/{programme}/payments",
            new { method = "transfer", reference = "TRF-77", paidOn = "2026-01-09", amount = 5 * MonthlyRate });
        var payments = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/payments");

        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Equal("payment.duplicate_reference", await CodeOf(clash));
        Assert.Equal(1, payments.GetArrayLength());
    }

    [Fact]
    public async Task Bills_ForAMonthOutsideTheProgramme_OrADraftProgramme_Answer422()
    {
        var (programme, _) = await EnrolledAsync();
        var draft = await CreateProgrammeAsync(factory, new ProgrammeSpec(Status: "draft"));

        var outside = await client.PostAsJsonAsync($"/api/v1/programmes/{programme}/bills", new { month = "2027-05" });
        var malformed = await client.PostAsJsonAsync($"/api/v1/programmes/{programme}/bills", new { month = "Mei 2026" });
        var notActive = await client.PostAsJsonAsync($"/api/v1/programmes/{draft}/bills", new { });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "billing.month_outside_programme"), (outside.StatusCode, await CodeOf(outside)));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "billing.programme_not_billable"), (notActive.StatusCode, await CodeOf(notActive)));
    }

    [Fact]
    public async Task ProgrammeOutsideTheScope_IsNotFound()
    {
        var lahat = await CreateProgrammeAsync(factory, new ProgrammeSpec(RegionCode: "16.04"));

        var money = await client.GetAsync($"/api/v1/programmes/{lahat}/money");
        var bills = await client.PostAsJsonAsync($"/api/v1/programmes/{lahat}/bills", new { });
        var pay = await client.PostAsJsonAsync($"/api/v1/programmes/{lahat}/payments",
            new { method = "sp2d", reference = "SP2D-LAHAT", paidOn = "2026-01-09", amount = MonthlyRate });

        Assert.All(new[] { money, bills, pay }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("kemarin")]
    [InlineData("1899-01-01")]
    public async Task Protection_WithABadDate_Answers400(string date)
    {
        var (_, worker) = await EnrolledAsync();

        var response = await client.GetAsync($"/api/v1/workers/{worker.Nik}/protection?date={date}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Protection_OfAnUnknownOrMalformedNik_IsNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/workers/1801999999990001/protection")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/workers/12ab/protection")).StatusCode);
    }

    [Fact]
    public async Task Backdate_OfALateMonth_IsTrackedUntilApproved_ThenTheMonthIsProtected()
    {
        var (programme, worker) = await EnrolledAsync();
        await BillAsync(factory, programme);
        // Paid after the arrears window (January's ends on 31 March): a gap that only a backdate mends.
        await PayAsync(factory, programme, 2 * MonthlyRate, "2026-05-05");

        var onTimeMonth = await client.PutAsJsonAsync($"/api/v1/workers/{worker.Nik}/contributions/2026-05/backdate", new { status = "requested" });
        var requested = await client.PutAsJsonAsync($"/api/v1/workers/{worker.Nik}/contributions/2026-01/backdate", new { status = "requested" });
        var gap = await client.GetFromJsonAsync<JsonElement>($"/api/v1/workers/{worker.Nik}/protection?date=2026-01-20");
        var approved = await client.PutAsJsonAsync($"/api/v1/workers/{worker.Nik}/contributions/2026-01/backdate",
            new { status = "approved", note = "Surat BPJS 12/2026" });
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/workers/{worker.Nik}/protection?date=2026-01-20");
        var bad = await client.PutAsJsonAsync($"/api/v1/workers/{worker.Nik}/contributions/2026-01/backdate", new { status = "maybe" });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "backdate.not_late"), (onTimeMonth.StatusCode, await CodeOf(onTimeMonth)));
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        Assert.False(gap.GetProperty("protected").GetBoolean());
        Assert.Contains(gap.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "backdate.requested");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.True(after.GetProperty("protected").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(2, await AccessTestKit.AuditCountAsync(factory, $"{worker.Id}:2026-01", "update"));
    }

    [Fact]
    public async Task BillingRun_AsAJob_BillsTheProgrammesOfTheScope()
    {
        var (programme, _) = await EnrolledAsync();

        var started = await client.PostAsJsonAsync("/api/v1/billing/runs", new { upToMonth = "2026-02" });
        var jobId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
        JsonElement status;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(200);
            status = await client.GetFromJsonAsync<JsonElement>($"/api/v1/billing/runs/{jobId}");
        }
        while (status.GetProperty("state").GetString() is not ("succeeded" or "failed") && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("succeeded", status.GetProperty("state").GetString());
        var money = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/money");
        Assert.Equal(2 * MonthlyRate, money.GetProperty("billed").GetInt64());
    }

    [Fact]
    public async Task Backdate_MayBeRecordedByABpjsBranchOfficer_ButNotByAProvinceViewer()
    {
        var (programme, worker) = await EnrolledAsync();
        await BillAsync(factory, programme);
        // Paid after the arrears window (January's ends on 31 March): a gap that only a backdate mends.
        await PayAsync(factory, programme, 2 * MonthlyRate, "2026-05-05");
        var branch = await AccessTestKit.CreateBranchAsync(factory, LampungSelatan);
        var officer = await AccessTestKit.SignedInClientAsync(factory, await AccessTestKit.CreateUserAsync(factory, Role.BpjsOfficer, null, branch));
        var viewer = await AccessTestKit.SignedInClientAsync(factory, await AccessTestKit.CreateUserAsync(factory, Role.ProvinceViewer, "18"));

        var byOfficer = await officer.PutAsJsonAsync($"/api/v1/workers/{worker.Nik}/contributions/2026-01/backdate", new { status = "approved" });
        var byViewer = await viewer.PutAsJsonAsync($"/api/v1/workers/{worker.Nik}/contributions/2026-02/backdate", new { status = "requested" });

        Assert.Equal(HttpStatusCode.OK, byOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
    }
}
