using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payung.Shared;
using Payung.Tests.Registry.Workers;
using static Payung.Tests.Programs.Enrollment.EnrollmentTestKit;

namespace Payung.Tests.Programs.Enrollment;

/// <summary>The enrolment routes over HTTP: status codes, the response shape and ProblemDetails codes.</summary>
public sealed class EnrollmentApiTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task EnrollListAndEnd_AsDisnakerOperator_AnswerTheDocumentedShapes()
    {
        var client = await WorkersTestKit.ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-03"));
        var (worker, nik) = await CreateWorkerWithNikAsync(factory);

        // Recorded after the fact: BPJS registered the participant on 5 January.
        var enrolled = await client.PostAsJsonAsync($"/api/v1/programmes/{programme}/enrollments",
            new { workerIds = new[] { worker }, membershipStart = "2026-01-05" });

        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        var body = await JsonAsync(enrolled);
        Assert.Equal((1, 3 * MonthlyRate), (body.GetProperty("enrolled").GetInt32(), body.GetProperty("committedTotal").GetInt64()));
        var verdict = body.GetProperty("verdicts")[0];
        Assert.Equal(("enrolled", worker), (verdict.GetProperty("verdict").GetString(), verdict.GetProperty("workerId").GetGuid()));
        var enrollmentId = verdict.GetProperty("enrollmentId").GetGuid();

        var list = await JsonAsync(await client.GetAsync($"/api/v1/programmes/{programme}/enrollments?status=active&page=1"));
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal((enrollmentId, nik), (item.GetProperty("id").GetGuid(), item.GetProperty("nik").GetString()));
        var viewer = await WorkersTestKit.ClientAsync(factory, Role.ProvinceViewer, "18");
        var masked = await JsonAsync(await viewer.GetAsync($"/api/v1/programmes/{programme}/enrollments?status=active"));
        Assert.Equal(PersonalData.Mask(nik), masked.GetProperty("items")[0].GetProperty("nik").GetString());

        var ended = await client.PostAsJsonAsync($"/api/v1/enrollments/{enrollmentId}/end", new { reason = "death", lastMonth = "2026-01" });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(2 * MonthlyRate, (await JsonAsync(ended)).GetProperty("released").GetInt64());
    }

    [Fact]
    public async Task EnrollAndEnd_WithBadRequestsOrUnknownIds_AnswerProblemCodes()
    {
        var client = await WorkersTestKit.ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec());

        var neither = await client.PostAsJsonAsync($"/api/v1/programmes/{programme}/enrollments", new { });
        var unknownProgramme = await client.PostAsJsonAsync($"/api/v1/programmes/{Guid.CreateVersion7()}/enrollments",
            new { workerIds = new[] { Guid.CreateVersion7() } });
        var badEnd = await client.PostAsJsonAsync($"/api/v1/enrollments/{Guid.CreateVersion7()}/end", new { reason = "bosan", lastMonth = "Jan" });
        var unknownEnd = await client.PostAsJsonAsync($"/api/v1/enrollments/{Guid.CreateVersion7()}/end", new { reason = "moved", lastMonth = "2026-01" });

        Assert.Equal((HttpStatusCode.BadRequest, "request.invalid"), (neither.StatusCode, (await JsonAsync(neither)).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.NotFound, "programme.not_found"),
            (unknownProgramme.StatusCode, (await JsonAsync(unknownProgramme)).GetProperty("code").GetString()));
        Assert.Equal(["lastMonth", "reason"], (await JsonAsync(badEnd)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal((HttpStatusCode.NotFound, "enrollment.not_found"),
            (unknownEnd.StatusCode, (await JsonAsync(unknownEnd)).GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData(null, 2)] // the day of enrolment: this month and the next
    [InlineData("first-of-programme", 3)] // registered at BPJS on the programme's first day: every month
    public async Task Enroll_FundsTheMonthsFromTheMembershipStart_TodayByDefault(string? start, int months)
    {
        var client = await WorkersTestKit.ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);
        var current = new BusinessCalendar(TimeProvider.System).CurrentMonth();
        var programme = await CreateProgrammeAsync(factory,
            new ProgrammeSpec(From: current.PlusMonths(-1).ToString(), To: current.PlusMonths(1).ToString()));
        var (worker, _) = await CreateWorkerWithNikAsync(factory);
        var day = start is null ? null : current.PlusMonths(-1).FirstDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await client.PostAsJsonAsync($"/api/v1/programmes/{programme}/enrollments", new { workerIds = new[] { worker }, membershipStart = day });

        var body = await JsonAsync(response);
        Assert.Equal((1, months * MonthlyRate), (body.GetProperty("enrolled").GetInt32(), body.GetProperty("committedTotal").GetInt64()));
        Assert.Equal(current.PlusMonths(months == 3 ? -1 : 0).ToString(), (await FundedMonthsAsync(factory, worker))[0].Month);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2026-02-30")]
    [InlineData("kemarin")]
    public async Task Enroll_WithAMembershipStartInTheFutureOrUnreadable_IsRefusedAndEnrolsNobody(string start)
    {
        var client = await WorkersTestKit.ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec());
        var (worker, _) = await CreateWorkerWithNikAsync(factory);
        var day = start == "tomorrow"
            ? new BusinessCalendar(TimeProvider.System).Today().AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : start;

        var response = await client.PostAsJsonAsync($"/api/v1/programmes/{programme}/enrollments", new { workerIds = new[] { worker }, membershipStart = day });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["membershipStart"], (await JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Empty(await FundedMonthsAsync(factory, worker));
    }

    [Fact]
    public async Task Enroll_AsBpjsOfficer_IsForbidden()
    {
        var client = await WorkersTestKit.ClientAsync(factory, Role.BpjsOfficer, null);
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec());

        var response = await client.PostAsJsonAsync($"/api/v1/programmes/{programme}/enrollments", new { workerIds = new[] { Guid.CreateVersion7() } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
