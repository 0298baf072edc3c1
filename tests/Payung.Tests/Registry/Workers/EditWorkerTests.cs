using Payung.Infrastructure;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payung.Registry.EditWorker;
using Payung.Registry.GetWorker;
using Payung.Registry.RegisterWorker;
using Payung.Shared;
using static Payung.Tests.Registry.Workers.WorkersTestKit;

namespace Payung.Tests.Registry.Workers;

/// <summary>The edit use case: scope, concurrency through the row version, NIK warnings, audit rows.</summary>
public sealed class EditWorkerTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private static EditWorkerRequest EditOf(RegisterWorkerRequest r, uint? version) => new(r.Kk, r.FullName, r.BirthPlace, r.BirthDate,
        r.Sex, r.VillageCode, r.Address, r.Rt, r.Rw, r.Phone, r.OccupationCode, r.MonthlyIncome, r.DtsenDecile, r.Status, r.DeathDate, version);

    private async Task<Outcome<WorkerResponse>> EditAsAsync(CallerScope caller, Guid id, EditWorkerRequest request)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.As<EditWorker>(caller).ExecuteAsync(WorkerKey.ForId(id), request, CancellationToken.None);
    }

    [Fact]
    public async Task EditWorker_WithTheCurrentVersion_SavesAndWritesAnUpdateRowWithBeforeAndAfter()
    {
        var registered = NewWorker(Jondong);
        var worker = await RegisterAsync(factory, registered);

        var outcome = await EditAsAsync(Desa(Jondong), worker.Id,
            EditOf(registered with { FullName = "Nama Baru Sekali", OccupationCode = "nelayan" }, worker.Version));

        Assert.True(outcome.Succeeded);
        Assert.Equal(("Nama Baru Sekali", "nelayan"), (outcome.Value.FullName, outcome.Value.OccupationCode));
        Assert.NotEqual(worker.Version, outcome.Value.Version);
        var update = (await AuditRowsAsync(factory, "worker", worker.Id)).Single(r => r.Action == "update");
        using var before = JsonDocument.Parse(update.Before!);
        using var after = JsonDocument.Parse(update.After!);
        Assert.Equal(registered.FullName, before.RootElement.GetProperty("fullName").GetString());
        Assert.Equal("nelayan", after.RootElement.GetProperty("occupationCode").GetString());
    }

    [Fact]
    public async Task EditWorker_WithAStaleVersion_ReturnsConcurrentEditAndKeepsTheOtherChange()
    {
        var registered = NewWorker(Jondong);
        var worker = await RegisterAsync(factory, registered);
        var first = await EditAsAsync(Desa(Jondong), worker.Id, EditOf(registered with { Phone = "081200000001" }, worker.Version));
        Assert.True(first.Succeeded);

        var second = await EditAsAsync(Desa(Jondong), worker.Id, EditOf(registered with { Phone = "081200000002" }, worker.Version));

        Assert.Equal((409, "worker.concurrent_edit"), (second.Refusal!.Status, second.Refusal.Code));
        using var scope = factory.Services.CreateScope();
        var now = await scope.As<GetWorker>(AsSystem).ExecuteAsync(WorkerKey.ForId(worker.Id), "test", CancellationToken.None);
        Assert.Equal("081200000001", now.Value!.Phone);
    }

    [Fact]
    public async Task EditWorker_WithoutAVersion_LastWriteWins()
    {
        var registered = NewWorker(Jondong);
        var worker = await RegisterAsync(factory, registered);
        await EditAsAsync(Desa(Jondong), worker.Id, EditOf(registered with { Phone = "081200000001" }, null));

        var outcome = await EditAsAsync(Desa(Jondong), worker.Id, EditOf(registered with { Phone = "081200000002" }, null));

        Assert.Equal("081200000002", outcome.Value!.Phone);
    }

    [Fact]
    public async Task EditWorker_WithNothingChanged_WritesNoAuditRow()
    {
        var registered = NewWorker(Jondong);
        var worker = await RegisterAsync(factory, registered);

        var outcome = await EditAsAsync(Desa(Jondong), worker.Id, EditOf(registered, worker.Version));

        Assert.True(outcome.Succeeded);
        Assert.Equal(worker.Version, outcome.Value.Version);
        Assert.Equal(["create"], (await AuditRowsAsync(factory, "worker", worker.Id)).Select(r => r.Action));
    }

    [Fact]
    public async Task EditWorker_WhenTheBirthDateNoLongerMatchesTheNik_RecomputesTheWarnings()
    {
        var born = new DateOnly(1990, 1, 5);
        var registered = NewWorker(Jondong, birthDate: born);
        var worker = await RegisterAsync(factory, registered);

        var wrong = await EditAsAsync(Desa(Jondong), worker.Id, EditOf(registered with { BirthDate = "1990-01-06" }, null));
        var fixedAgain = await EditAsAsync(Desa(Jondong), worker.Id, EditOf(registered, null));

        Assert.Equal(NikRules.BirthDateMismatchCode, Assert.Single(wrong.Value!.NikWarnings).Code);
        Assert.Empty(fixedAgain.Value!.NikWarnings);
    }

    [Fact]
    public async Task EditWorker_OutsideTheScope_IsNotFound()
    {
        var registered = NewWorker(Tengkujuh);
        var worker = await RegisterAsync(factory, registered);

        var outcome = await EditAsAsync(Desa(Jondong), worker.Id, EditOf(registered with { FullName = "Diubah Orang Lain" }, null));

        Assert.Equal((404, "worker.not_found"), (outcome.Refusal!.Status, outcome.Refusal.Code));
    }

    [Fact]
    public async Task EditWorker_MovingTheWorkerOutOfTheCallersReach_Returns422()
    {
        var registered = NewWorker(Jondong);
        var worker = await RegisterAsync(factory, registered);

        var outcome = await EditAsAsync(Kecamatan("18.01.06"), worker.Id, EditOf(registered with { VillageCode = Hajimena }, null));

        Assert.Equal((422, "region.out_of_scope"), (outcome.Refusal!.Status, outcome.Refusal.Code));
    }
}
