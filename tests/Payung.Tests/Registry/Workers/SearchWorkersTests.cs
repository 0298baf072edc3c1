using Payung.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Payung.Registry.RegisterWorker;
using Payung.Registry.SearchWorkers;
using Payung.Shared;
using static Payung.Tests.Registry.Workers.WorkersTestKit;

namespace Payung.Tests.Registry.Workers;

/// <summary>
/// Search by exact NIK, fuzzy name, region and occupation, always within the caller's scope. Each test searches
/// for names of its own, so other tests' workers never change what it counts.
/// </summary>
public sealed class SearchWorkersTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private async Task<Outcome<Paged<WorkerSummary>>> SearchAsAsync(CallerScope caller, SearchWorkersRequest request)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.As<SearchWorkers>(caller).ExecuteAsync(request, CancellationToken.None);
    }

    private static SearchWorkersRequest ByName(string q, string? village = null, string? occupation = null) =>
        new(null, q, village, occupation, null, null);

    [Fact]
    public async Task Search_ByMisspelledNameWithTitles_FindsTheWorkerFirst()
    {
        var family = TestNik.UniqueName("Keluarga").Split(' ')[1];
        var rizky = await RegisterAsync(factory, NewWorker(Jondong, name: $"H. Muhammad Rizky {family}"));
        var other = await RegisterAsync(factory, NewWorker(Jondong, name: $"Siti Rahma {family}"));

        var outcome = await SearchAsAsync(Desa(Jondong), ByName($"muhamad rizki {family.ToLowerInvariant()}"));

        var items = outcome.Value!.Items;
        Assert.Equal(rizky.Id, items[0].Id);
        Assert.DoesNotContain(items.Take(1), i => i.Id == other.Id);
    }

    [Fact]
    public async Task Search_ByPartOfALongName_FindsItThroughTheTrigramIndex()
    {
        var name = TestNik.UniqueName("Ahmad Fauzi Ramadhan Saputra");
        var worker = await RegisterAsync(factory, NewWorker(Jondong, name: name));

        var outcome = await SearchAsAsync(Disnaker("18.01"), ByName(name.Split(' ')[^1]));

        Assert.Contains(outcome.Value!.Items, i => i.Id == worker.Id);
    }

    [Fact]
    public async Task Search_CountsAndListsOnlyWhatTheScopeHolds()
    {
        var family = TestNik.UniqueName("Keluarga").Split(' ')[1];
        var jondong = await RegisterAsync(factory, NewWorker(Jondong, name: $"Budi {family}"));
        var tengkujuh = await RegisterAsync(factory, NewWorker(Tengkujuh, name: $"Budi {family}"));
        var lahat = await RegisterAsync(factory, NewWorker(KembangAyun, name: $"Budi {family}"));

        var desa = await SearchAsAsync(Desa(Jondong), ByName($"Budi {family}"));
        var kecamatan = await SearchAsAsync(Kecamatan("18.01.06"), ByName($"Budi {family}"));
        var national = await SearchAsAsync(NationalAdmin(), ByName($"Budi {family}"));

        Assert.Equal(1, desa.Value!.Total);
        Assert.Equal([jondong.Id], desa.Value.Items.Select(i => i.Id));
        Assert.Equal([jondong.Id, tengkujuh.Id], kecamatan.Value!.Items.Select(i => i.Id).Order());
        Assert.Equal(2, kecamatan.Value.Total);
        Assert.Equal([jondong.Id, tengkujuh.Id, lahat.Id], national.Value!.Items.Select(i => i.Id).Order());
    }

    [Fact]
    public async Task Search_ByExactNik_FindsOnlyInsideTheScope()
    {
        var worker = await RegisterAsync(factory, NewWorker(KembangAyun));

        var outside = await SearchAsAsync(Disnaker("18.01"), new SearchWorkersRequest(worker.Nik, null, null, null, null, null));
        var inside = await SearchAsAsync(Disnaker("16.04"), new SearchWorkersRequest(worker.Nik, null, null, null, null, null));

        Assert.Equal(0, outside.Value!.Total);
        Assert.Empty(outside.Value.Items);
        Assert.Equal(worker.Id, Assert.Single(inside.Value!.Items).Id);
    }

    [Fact]
    public async Task Search_ByVillageAndOccupation_Filters()
    {
        var family = TestNik.UniqueName("Keluarga").Split(' ')[1];
        var farmer = await RegisterAsync(factory, NewWorker(Jondong, name: $"Joko {family}"));
        var fisher = await RegisterAsync(factory, NewWorker(Jondong, name: $"Joko {family}") with { OccupationCode = "nelayan" });
        var natar = await RegisterAsync(factory, NewWorker(Hajimena, name: $"Joko {family}"));

        var fishers = await SearchAsAsync(Disnaker("18.01"), ByName($"Joko {family}", occupation: "nelayan"));
        var kalianda = await SearchAsAsync(Disnaker("18.01"), ByName($"Joko {family}", village: "18.01.06"));

        Assert.Equal(fisher.Id, Assert.Single(fishers.Value!.Items).Id);
        Assert.Equal([farmer.Id, fisher.Id], kalianda.Value!.Items.Select(i => i.Id).Order());
        Assert.DoesNotContain(kalianda.Value.Items, i => i.Id == natar.Id);
    }

    [Fact]
    public async Task Search_AsProvinceViewer_MasksTheNik()
    {
        var worker = await RegisterAsync(factory, NewWorker(Jondong));

        var outcome = await SearchAsAsync(ProvinceViewer("18", "18.01", "18.71"), new SearchWorkersRequest(worker.Nik, null, null, null, null, null));

        var item = Assert.Single(outcome.Value!.Items);
        Assert.Equal(worker.Nik![..4] + "********" + worker.Nik[12..], item.Nik);
    }

    [Theory]
    [InlineData(null, null, 101, "pageSize")]
    [InlineData(null, null, 0, "pageSize")]
    [InlineData("12345", null, null, "nik")]
    [InlineData(null, "18.1", null, "village")]
    [InlineData(null, null, null, "q")]
    public async Task Search_WithMalformedFilters_IsInvalid(string? nik, string? village, int? pageSize, string field)
    {
        var q = field == "q" ? "H." : null;

        var outcome = await SearchAsAsync(Desa(Jondong), new SearchWorkersRequest(nik, q, village, null, null, pageSize));

        Assert.Equal(400, outcome.Refusal!.Status);
        Assert.Equal([field], outcome.Refusal.Errors!.Keys);
    }

    [Fact]
    public async Task Search_PagesAreStableAndTotalCountsAllMatches()
    {
        var family = TestNik.UniqueName("Keluarga").Split(' ')[1];
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await RegisterAsync(factory, NewWorker(Jondong, name: $"Sari {family}"))).Id);
        }

        var first = await SearchAsAsync(Desa(Jondong), new SearchWorkersRequest(null, $"Sari {family}", null, null, 1, 3));
        var second = await SearchAsAsync(Desa(Jondong), new SearchWorkersRequest(null, $"Sari {family}", null, null, 2, 3));

        Assert.Equal((5, 5), (first.Value!.Total, second.Value!.Total));
        Assert.Equal(ids.Order(), first.Value.Items.Concat(second.Value.Items).Select(i => i.Id).Order());
    }
}
