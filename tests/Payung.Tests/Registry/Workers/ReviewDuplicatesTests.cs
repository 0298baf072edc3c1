using Payung.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Payung.Registry.GetWorker;
using Payung.Registry.RegisterWorker;
using Payung.Registry.ReviewDuplicates;
using Payung.Registry.SearchWorkers;
using Payung.Shared;
using static Payung.Tests.Registry.Workers.WorkersTestKit;

namespace Payung.Tests.Registry.Workers;

/// <summary>The review queue: who sees a candidate, merging without losing data, dismissing.</summary>
public sealed class ReviewDuplicatesTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    /// <summary>Two records of one person in Jondong: the second has the KK, phone and address the first lacks.</summary>
    private async Task<(WorkerResponse Bare, WorkerResponse Full, Guid CandidateId)> TwinsAsync(string village = Jondong, string? otherVillage = null)
    {
        var born = TestNik.BirthDate();
        var name = TestNik.UniqueName("Dewi");
        var bare = await RegisterAsync(factory, NewWorker(village, name: name, birthDate: born, sex: Sex.Female) with { MonthlyIncome = null, DtsenDecile = null });
        var second = NewWorker(otherVillage ?? village, name: name, birthDate: born, sex: Sex.Female).AwayFrom(bare.Nik!);
        var full = await RegisterAsync(factory, second with
        {
            Kk = NewKk(), Phone = "081299887766", Address = "Dusun Sukamaju", Rt = "002", Rw = "004", MonthlyIncome = 900_000, DtsenDecile = 1,
        });
        var candidate = (await CandidatesOfAsync(factory, full.Id)).Single(c => c.Reason == "same_name_birth_date");
        return (bare, full, candidate.Id);
    }

    private async Task<Outcome<Paged<DuplicateCandidateResponse>>> ListAsAsync(CallerScope caller, Guid workerId, string status = "open")
    {
        using var scope = factory.Services.CreateScope();
        return await scope.As<ListDuplicateCandidates>(caller).ExecuteAsync(new ListDuplicateCandidatesRequest(status, workerId, null, null), CancellationToken.None);
    }

    private async Task<Outcome<MergeResult>> MergeAsAsync(CallerScope caller, Guid candidateId, Guid? survivorId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.As<MergeDuplicate>(caller).ExecuteAsync(candidateId, new MergeDuplicateRequest(survivorId, "satu orang"), CancellationToken.None);
    }

    [Fact]
    public async Task List_ShowsTheCandidateSideBySide_ToACallerWhoSeesBothWorkers()
    {
        var (bare, full, candidateId) = await TwinsAsync();

        var outcome = await ListAsAsync(Desa(Jondong), bare.Id);

        var candidate = Assert.Single(outcome.Value!.Items);
        Assert.Equal((candidateId, "same_name_birth_date", "open"), (candidate.Id, candidate.Reason, candidate.Status));
        Assert.Equal([bare.Id, full.Id], new[] { candidate.Worker.Id, candidate.OtherWorker.Id }.Order());
    }

    [Fact]
    public async Task List_HidesACandidateWhoseOtherWorkerIsOutsideTheScope()
    {
        var (bare, _, _) = await TwinsAsync(Jondong, otherVillage: Hajimena);

        var desa = await ListAsAsync(Desa(Jondong), bare.Id);
        var disnaker = await ListAsAsync(Disnaker("18.01"), bare.Id);

        Assert.Equal(0, desa.Value!.Total);
        Assert.Equal(1, disnaker.Value!.Total);
    }

    [Fact]
    public async Task List_AsProvinceViewer_MasksBothSides()
    {
        var (bare, full, _) = await TwinsAsync();

        var outcome = await ListAsAsync(ProvinceViewer("18", "18.01"), bare.Id);

        var candidate = Assert.Single(outcome.Value!.Items);
        var fullSide = candidate.Worker.Id == full.Id ? candidate.Worker : candidate.OtherWorker;
        Assert.Equal(full.Nik![..4] + "********" + full.Nik[12..], fullSide.Nik);
        Assert.Equal("0812*****766", fullSide.Phone);
    }

    [Fact]
    public async Task Merge_KeepsTheSurvivorsFacts_FillsItsGaps_AndPointsTheOtherAtIt()
    {
        var (bare, full, candidateId) = await TwinsAsync();

        var outcome = await MergeAsAsync(Desa(Jondong), candidateId, bare.Id);

        Assert.True(outcome.Succeeded);
        Assert.Equal(["address", "dtsenDecile", "kk", "monthlyIncome", "phone", "rt", "rw"], outcome.Value.FilledFields.Order());
        using var scope = factory.Services.CreateScope();
        var get = scope.As<GetWorker>(AsSystem);
        var survivor = (await get.ExecuteAsync(WorkerKey.ForId(bare.Id), "test", CancellationToken.None)).Value!;
        var merged = (await get.ExecuteAsync(WorkerKey.ForId(full.Id), "test", CancellationToken.None)).Value!;
        Assert.Equal((full.Kk, "081299887766", "Dusun Sukamaju", 900_000L, (short?)1), (survivor.Kk, survivor.Phone, survivor.Address, survivor.MonthlyIncome, survivor.DtsenDecile));
        Assert.Equal(bare.Nik, survivor.Nik);
        Assert.Null(survivor.MergedInto);
        Assert.Equal((bare.Id, bare.Nik, bare.FullName), (merged.MergedInto!.Id, merged.MergedInto.Nik, merged.MergedInto.FullName));
        Assert.Equal(full.Phone, merged.Phone); // nothing taken away from the merged record
        Assert.Contains(await AuditRowsAsync(factory, "worker", bare.Id), r => r.Action == "update" && r.After!.Contains("Dusun Sukamaju"));
        Assert.Contains(await AuditRowsAsync(factory, "worker", full.Id), r => r.Action == "update" && r.After!.Contains(bare.Id.ToString()));
        Assert.Contains(await AuditRowsAsync(factory, "duplicate_candidate", candidateId), r => r.Action == "update" && r.After!.Contains("\"status\": \"merged\""));
    }

    [Fact]
    public async Task Merge_LeavesTheMergedWorkerOutOfSearches_ButFoundByExactNik()
    {
        var (bare, full, candidateId) = await TwinsAsync();
        await MergeAsAsync(Desa(Jondong), candidateId, full.Id);

        using var scope = factory.Services.CreateScope();
        var search = scope.As<SearchWorkers>(Desa(Jondong));
        var byName = await search.ExecuteAsync(new SearchWorkersRequest(null, bare.FullName, null, null, null, null), CancellationToken.None);
        var byNik = await search.ExecuteAsync(new SearchWorkersRequest(bare.Nik, null, null, null, null, null), CancellationToken.None);

        Assert.Equal([full.Id], byName.Value!.Items.Select(i => i.Id));
        Assert.Equal(full.Id, Assert.Single(byNik.Value!.Items).MergedInto);
    }

    [Fact]
    public async Task Merge_AgainOrAfterADismissal_IsAlreadyResolved()
    {
        var (bare, _, candidateId) = await TwinsAsync();
        await MergeAsAsync(Desa(Jondong), candidateId, bare.Id);

        var again = await MergeAsAsync(Desa(Jondong), candidateId, bare.Id);

        Assert.Equal((409, "duplicate.already_resolved"), (again.Refusal!.Status, again.Refusal.Code));
    }

    [Fact]
    public async Task Merge_WithASurvivorOutsideThePair_IsInvalid()
    {
        var (_, _, candidateId) = await TwinsAsync();

        var outcome = await MergeAsAsync(Desa(Jondong), candidateId, Guid.CreateVersion7());

        Assert.Equal(["survivorId"], outcome.Refusal!.Errors!.Keys);
    }

    [Fact]
    public async Task Merge_OfACandidateWithAWorkerOutsideTheScope_IsNotFound()
    {
        var (bare, _, candidateId) = await TwinsAsync(Jondong, otherVillage: Hajimena);

        var outcome = await MergeAsAsync(Desa(Jondong), candidateId, bare.Id);

        Assert.Equal((404, "duplicate.not_found"), (outcome.Refusal!.Status, outcome.Refusal.Code));
    }

    [Fact]
    public async Task Dismiss_ClosesTheCandidate_AndTheRuleDoesNotRaiseItAgain()
    {
        var (bare, full, candidateId) = await TwinsAsync();
        using (var scope = factory.Services.CreateScope())
        {
            var dismissed = await scope.As<DismissDuplicate>(Desa(Jondong)).ExecuteAsync(candidateId, new DismissDuplicateRequest("kembar"), CancellationToken.None);
            Assert.Equal(("dismissed", "kembar"), (dismissed.Value!.Status, dismissed.Value.ResolutionNote));
        }

        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
        var raised = await Payung.Registry.FindDuplicates.ExecuteAsync(connection, null, AsSystem, [bare.Id, full.Id], DateTimeOffset.UtcNow);

        Assert.Equal(0, raised);
        Assert.Equal(0, (await ListAsAsync(Desa(Jondong), bare.Id)).Value!.Total);
        Assert.Equal(1, (await ListAsAsync(Desa(Jondong), bare.Id, "dismissed")).Value!.Total);
    }
}
