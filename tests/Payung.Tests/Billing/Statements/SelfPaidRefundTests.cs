using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payung.Shared;
using Payung.Tests.Registry.Workers;
using static Payung.Tests.Billing.Statements.StatementTestKit;

namespace Payung.Tests.Billing.Statements;

/// <summary>
/// Self-paid months after a death, owed back to the payer: listed in the caller's scope and marked refunded once, with
/// the day and the transfer reference, audited; bad input is a coded ProblemDetails and changes nothing.
/// </summary>
public sealed class SelfPaidRefundTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private Task<HttpClient> DisnakerAsync(string regency = "18.01") => WorkersTestKit.ClientAsync(factory, Role.DisnakerOperator, regency);

    private async Task<(Guid Id, string Nik)> OwedRefundAsync(HttpClient client)
    {
        var w = await BillingTestKit.CreateWorkerAsync(factory, deathDate: new DateOnly(2026, 3, 10));
        var result = await ImportAsync(client, Csv(Row(w.Nik, "2026-04", NextKpj(), paidOn: "2026-04-05", reference: "BPJS-4")));
        Assert.Equal(1L, result.Counts!.Created);
        return w;
    }

    private static async Task<JsonElement> RefundOfAsync(HttpClient client, Guid worker, string? status)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/self-paid-refunds?status={status}&page=1");
        var mine = page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("workerId").GetGuid() == worker).ToList();
        return mine.Count == 0 ? default : Assert.Single(mine);
    }

    [Fact]
    public async Task Refund_OwedAfterADeath_IsListed_AndMarkingItRefundedIsRecordedOnce_Audited()
    {
        var client = await DisnakerAsync();
        var w = await OwedRefundAsync(client);

        var owed = await RefundOfAsync(client, w.Id, "owed");
        Assert.Equal(("2026-04", 16_800L, "2026-04-05", "owed"), (owed.GetProperty("month").GetString(), owed.GetProperty("amount").GetInt64(),
            owed.GetProperty("paidOn").GetString(), owed.GetProperty("status").GetString()));
        Assert.Equal("2026-03-10", owed.GetProperty("deathDate").GetString());

        var body = new { refundedOn = "2026-05-02", reference = " TRF-2026-0001 " };
        var marked = await client.PutAsJsonAsync($"/api/v1/workers/{w.Nik}/self-paid-refunds/2026-04", body);
        var again = await client.PutAsJsonAsync($"/api/v1/workers/{w.Nik}/self-paid-refunds/2026-04", body);
        var other = await client.PutAsJsonAsync($"/api/v1/workers/{w.Nik}/self-paid-refunds/2026-04",
            new { refundedOn = "2026-05-03", reference = "TRF-2026-0002" });

        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var refund = await marked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("refunded", "2026-05-02", "TRF-2026-0001"), (refund.GetProperty("status").GetString(),
            refund.GetProperty("refundedOn").GetString(), refund.GetProperty("refundReference").GetString()));
        Assert.False(string.IsNullOrEmpty(refund.GetProperty("refundedBy").GetString()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("refund.already_refunded", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Undefined, (await RefundOfAsync(client, w.Id, "owed")).ValueKind);
        Assert.Equal("TRF-2026-0001", (await RefundOfAsync(client, w.Id, "refunded")).GetProperty("refundReference").GetString());
        Assert.Equal(1L, await CountAsync(factory,
            "select count(*) from access.audit_log where entity = 'self_paid_refund' and entity_id = $1::text || ':2026-04'", w.Id));
    }

    [Theory]
    [InlineData("2026-13", "2026-05-02", "TRF-1", HttpStatusCode.BadRequest, null)]
    [InlineData("2026-04", null, "TRF-1", HttpStatusCode.BadRequest, null)]
    [InlineData("2026-04", "02-05-2026", "TRF-1", HttpStatusCode.BadRequest, null)]
    [InlineData("2026-04", "2099-01-01", "TRF-1", HttpStatusCode.BadRequest, null)]
    [InlineData("2026-04", "2026-04-01", "TRF-1", HttpStatusCode.BadRequest, null)] // before the worker paid
    [InlineData("2026-04", "2026-05-02", "T1", HttpStatusCode.BadRequest, null)]
    [InlineData("2026-04", "2026-05-02", "TRF\u0007", HttpStatusCode.BadRequest, null)]
    [InlineData("2026-05", "2026-05-02", "TRF-1", HttpStatusCode.NotFound, "refund.not_found")]
    public async Task MarkRefunded_WithBadInput_IsRefused_AndTheRefundStaysOwed(string month, string? refundedOn, string reference,
        HttpStatusCode expected, string? code)
    {
        var client = await DisnakerAsync();
        var w = await OwedRefundAsync(client);

        var response = await client.PutAsJsonAsync($"/api/v1/workers/{w.Nik}/self-paid-refunds/{month}", new { refundedOn, reference });

        Assert.Equal(expected, response.StatusCode);
        if (code is not null)
        {
            Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        Assert.Equal("owed", (await RefundOfAsync(client, w.Id, null)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Refunds_OutsideTheCallersRegion_AreNeitherListedNorMarkable_AndViewersCannotMark()
    {
        var w = await OwedRefundAsync(await DisnakerAsync());
        var elsewhere = await DisnakerAsync("18.71");
        var viewer = await WorkersTestKit.ClientAsync(factory, Role.ProvinceViewer, "18");

        Assert.Equal(JsonValueKind.Undefined, (await RefundOfAsync(elsewhere, w.Id, null)).ValueKind);
        var marked = await elsewhere.PutAsJsonAsync($"/api/v1/workers/{w.Nik}/self-paid-refunds/2026-04",
            new { refundedOn = "2026-05-02", reference = "TRF-9" });
        var byViewer = await viewer.PutAsJsonAsync($"/api/v1/workers/{w.Nik}/self-paid-refunds/2026-04",
            new { refundedOn = "2026-05-02", reference = "TRF-9" });
        var badStatus = await elsewhere.GetAsync("/api/v1/self-paid-refunds?status=paid");

        Assert.Equal(HttpStatusCode.NotFound, marked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal("owed", (await RefundOfAsync(await DisnakerAsync(), w.Id, null)).GetProperty("status").GetString());
    }
}
