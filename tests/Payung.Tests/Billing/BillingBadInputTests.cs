using System.Net;
using System.Text;
using Payung.Shared;
using Payung.Tests.Access;

namespace Payung.Tests.Billing;

/// <summary>Input a user can send to Billing's API never gets a 500: each of these gets a 4xx ProblemDetails.</summary>
public sealed class BillingBadInputTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    public static TheoryData<string, string, string?> Requests() => new()
    {
        { "GET", "/api/v1/workers/1801060505850001/protection?date=2026-02-30", null },
        { "GET", "/api/v1/workers/1801060505850001/protection?date=99999-01-01", null },
        { "GET", "/api/v1/workers/%20%27--/protection", null },
        { "GET", "/api/v1/workers/1801060505850001/contributions?from=2026-13&to=2026-01", null },
        { "GET", "/api/v1/workers/1801060505850001/contributions?from=1900-01&to=2999-12", null },
        { "PUT", "/api/v1/workers/1801060505850001/contributions/2026-1/backdate", """{"status":"approved"}""" },
        { "PUT", "/api/v1/workers/1801060505850001/contributions/2026-01/backdate", """{"status":123}""" },
        { "PUT", "/api/v1/workers/1801060505850001/contributions/2026-01/backdate", "not json" },
        { "POST", "/api/v1/programmes/00000000-0000-0000-0000-000000000000/bills", """{"month":"2026-01"}""" },
        { "POST", "/api/v1/programmes/00000000-0000-0000-0000-000000000000/payments", """{"amount":99999999999999999999999}""" },
        { "POST", "/api/v1/programmes/00000000-0000-0000-0000-000000000000/payments", """{"method":"sp2d","reference":"X-123","paidOn":"2026-01-01","amount":5}""" },
        { "POST", "/api/v1/payments/00000000-0000-0000-0000-000000000000/allocate", """{"billIds":["not-a-guid"]}""" },
        { "GET", "/api/v1/bills/00000000-0000-0000-0000-000000000000/lines?page=0", null },
        { "GET", "/api/v1/bills/00000000-0000-0000-0000-000000000000/lines?page=abc", null },
        { "POST", "/api/v1/billing/runs", """{"upToMonth":"bulan depan"}""" },
        { "GET", "/api/v1/billing/runs/00000000-0000-0000-0000-000000000000", null },
        { "PUT", "/api/v1/billing/settings/handover_notice_days", """{"value":null}""" },
        { "POST", "/api/v1/billing/protection-rules", """{"effectiveFrom":"3000-01","dueDay":15,"lapseMonths":3,"arrearsMonthProtected":false,"regulation":"uji"}""" },
        { "GET", "/api/v1/retention?level=planet", null },
        { "GET", "/api/v1/notifications?status=lost&page=-1", null },
        { "POST", "/api/v1/notifications/00000000-0000-0000-0000-000000000000/status", """{"status":"delivered"}""" },
        { "GET", "/api/v1/statements/00000000-0000-0000-0000-000000000000/rows?verdict=maybe", null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task BadInput_GetsAClientError_NeverAServerError(string method, string url, string? body)
    {
        var client = await AccessTestKit.SignedInClientAsync(factory, await AccessTestKit.CreateUserAsync(factory, Role.NationalAdmin, null));
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
