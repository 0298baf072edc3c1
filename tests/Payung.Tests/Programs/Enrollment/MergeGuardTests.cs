using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payung.Shared;
using Payung.Tests.Registry.Workers;
using static Payung.Tests.Registry.Workers.WorkersTestKit;

namespace Payung.Tests.Programs.Enrollment;

/// <summary>A duplicate still enrolled in a programme is not merged away: its funded months and bills hang on its id.</summary>
public sealed class MergeGuardTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    [Fact]
    public async Task Merge_OfAnEnrolledDuplicate_IsRefusedNamingTheProgramme_ButKeepingItAsSurvivorWorks()
    {
        var born = TestNik.BirthDate();
        var name = TestNik.UniqueName("Wati");
        var a = await RegisterAsync(factory, NewWorker(Jondong, name: name, birthDate: born, sex: Sex.Female));
        var b = await RegisterAsync(factory, NewWorker(Jondong, name: name, birthDate: born, sex: Sex.Female).AwayFrom(a.Nik!));
        var programme = await EnrollmentTestKit.CreateProgrammeAsync(factory, new EnrollmentTestKit.ProgrammeSpec(From: "2026-01", To: "2026-02"));
        await EnrollmentTestKit.EnrollAsync(factory, programme, b.Id);
        var client = await ClientAsync(factory, Role.DesaOperator, Jondong);
        var candidate = (await CandidatesOfAsync(factory, a.Id)).First(c => c.WorkerId == b.Id || c.OtherWorkerId == b.Id);

        var blocked = await client.PostAsJsonAsync($"/api/v1/workers/duplicates/{candidate.Id}/merge", new { survivorId = a.Id });
        var kept = await client.PostAsJsonAsync($"/api/v1/workers/duplicates/{candidate.Id}/merge", new { survivorId = b.Id });

        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        var problem = JsonDocument.Parse(await blocked.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("duplicate.merge_blocked", problem.GetProperty("code").GetString());
        Assert.Contains("Program Uji Kepesertaan", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }
}
