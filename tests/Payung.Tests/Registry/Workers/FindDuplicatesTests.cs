using System.Text.Json;
using Payung.Registry;
using Payung.Shared;
using static Payung.Tests.Registry.Workers.WorkersTestKit;

namespace Payung.Tests.Registry.Workers;

/// <summary>
/// The three duplicate rules, as registration raises them and as the bulk import calls them for a batch of ids.
/// </summary>
public sealed class FindDuplicatesTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private static (Guid First, Guid Second) Ordered(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);

    private async Task<int> RunAsync(params Guid[] ids)
    {
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
        return await FindDuplicates.ExecuteAsync(connection, null, AsSystem, ids, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task SameNameAndBirthDateInTheSameRegency_IsACandidateWithItsEvidence_RegionOfTheFirstWorker()
    {
        var born = TestNik.BirthDate();
        var name = TestNik.UniqueName("Wayan");
        var a = await RegisterAsync(factory, NewWorker(Jondong, name: name, birthDate: born));
        var b = await RegisterAsync(factory, NewWorker(Hajimena, name: "  " + name.ToUpperInvariant() + ", S.Pd", birthDate: born).AwayFrom(a.Nik!));

        var candidate = Assert.Single(await CandidatesOfAsync(factory, b.Id));

        var (first, second) = Ordered(a.Id, b.Id);
        Assert.Equal((first, second, FindDuplicates.SameNameBirthDate, "open"), (candidate.WorkerId, candidate.OtherWorkerId, candidate.Reason, candidate.Status));
        Assert.Equal((first == a.Id ? Jondong : Hajimena, "18.01"), (candidate.RegionCode, candidate.RegencyCode));
        using var evidence = JsonDocument.Parse(candidate.Evidence);
        Assert.Equal(["nameKey", "birthDate", "regencyCode"], evidence.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(born.ToString("yyyy-MM-dd"), evidence.RootElement.GetProperty("birthDate").GetString());
        Assert.Single(await AuditRowsAsync(factory, "duplicate_candidate", candidate.Id), r => r.Action == "create");
    }

    [Fact]
    public async Task SameNameAndBirthDateInAnotherRegency_IsNoCandidate()
    {
        var born = TestNik.BirthDate();
        var name = TestNik.UniqueName("Made");
        var a = await RegisterAsync(factory, NewWorker(Jondong, name: name, birthDate: born));
        var b = await RegisterAsync(factory, NewWorker(KembangAyun, name: name, birthDate: born).AwayFrom(a.Nik!));

        Assert.Empty(await CandidatesOfAsync(factory, b.Id));
    }

    [Fact]
    public async Task SameKkAndName_IsACandidate_WithoutTheKkInTheEvidence()
    {
        var kk = NewKk();
        var name = TestNik.UniqueName("Nyoman");
        var a = await RegisterAsync(factory, NewWorker(Jondong, name: name, kk: kk));
        var b = await RegisterAsync(factory, NewWorker(KembangAyun, name: name, kk: kk).AwayFrom(a.Nik!));

        var candidate = Assert.Single(await CandidatesOfAsync(factory, b.Id));

        Assert.Equal(Ordered(a.Id, b.Id), (candidate.WorkerId, candidate.OtherWorkerId));
        Assert.Equal(FindDuplicates.SameKkName, candidate.Reason);
        Assert.DoesNotContain(kk, candidate.Evidence);
    }

    [Fact]
    public async Task NikOneDigitApartWithTheSameName_IsACandidate_NamingThePosition()
    {
        var born = new DateOnly(1988, 6, 9);
        var name = TestNik.UniqueName("Ketut");
        var a = await RegisterAsync(factory, NewWorker(Jondong, name: name, birthDate: born));
        var typo = TestNik.WithDigit(a.Nik!, 16, a.Nik![15] == '9' ? '8' : '9');
        var b = await RegisterAsync(factory, NewWorker(KembangAyun, name: name, birthDate: born.AddDays(1)) with { Nik = typo });

        var candidate = Assert.Single(await CandidatesOfAsync(factory, b.Id));

        Assert.Equal(FindDuplicates.NikOneDigitApart, candidate.Reason);
        using var evidence = JsonDocument.Parse(candidate.Evidence);
        Assert.Equal(16, evidence.RootElement.GetProperty("nikDigitPosition").GetInt32());
    }

    [Fact]
    public async Task NikOneDigitApartWithAnotherName_IsNoCandidate()
    {
        var a = await RegisterAsync(factory, NewWorker(Jondong));
        var typo = TestNik.WithDigit(a.Nik!, 16, a.Nik![15] == '9' ? '8' : '9');
        var b = await RegisterAsync(factory, NewWorker(Jondong) with { Nik = typo });

        Assert.Empty(await CandidatesOfAsync(factory, b.Id));
    }

    [Fact]
    public async Task RunningAgainForABatch_RaisesEachPairOnce()
    {
        var born = TestNik.BirthDate();
        var name = TestNik.UniqueName("Komang");
        var kk = NewKk();
        var a = await RegisterAsync(factory, NewWorker(Jondong, name: name, birthDate: born, kk: kk));
        var b = await RegisterAsync(factory, NewWorker(Jondong, name: name, birthDate: born, kk: kk).AwayFrom(a.Nik!));

        var again = await RunAsync(a.Id, b.Id, a.Id);

        Assert.Equal(0, again);
        Assert.Equal([FindDuplicates.SameKkName, FindDuplicates.SameNameBirthDate], (await CandidatesOfAsync(factory, a.Id)).Select(c => c.Reason));
    }

    [Fact]
    public async Task ForAnEmptyBatch_DoesNothing() => Assert.Equal(0, await RunAsync());

    [Fact]
    public async Task ANameWithOnlyTitles_MatchesNobody()
    {
        var born = TestNik.BirthDate();
        var a = await RegisterAsync(factory, NewWorker(Jondong, birthDate: born) with { FullName = "H." });
        await RegisterAsync(factory, NewWorker(Jondong, birthDate: born) with { FullName = "Hj." });

        Assert.Empty(await CandidatesOfAsync(factory, a.Id));
    }
}
