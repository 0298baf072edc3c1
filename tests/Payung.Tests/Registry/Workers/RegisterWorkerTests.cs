using Payung.Infrastructure;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Payung.Registry;
using Payung.Registry.RegisterWorker;
using Payung.Shared;
using static Payung.Tests.Registry.Workers.WorkersTestKit;

namespace Payung.Tests.Registry.Workers;

/// <summary>The register use case inside a DI scope, acting as operators of different scopes.</summary>
public sealed class RegisterWorkerTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private async Task<Outcome<Payung.Registry.GetWorker.WorkerResponse>> RegisterAsAsync(CallerScope caller, RegisterWorkerRequest? request)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.As<RegisterWorker>(caller).ExecuteAsync(request, CancellationToken.None);
    }

    [Fact]
    public async Task RegisterWorker_AsDesaOperatorInItsVillage_StoresTheWorkerWithDerivedRegionsAndAnAuditRow()
    {
        var request = NewWorker(Jondong) with { Phone = "0812-3456-7890", Rt = "003", Rw = "001", Address = "Dusun II" };

        var outcome = await RegisterAsAsync(Desa(Jondong), request);

        Assert.True(outcome.Succeeded);
        var worker = outcome.Value;
        Assert.Equal((request.Nik, "081234567890", "alive"), (worker.Nik, worker.Phone, worker.Status));
        Assert.Equal(("Jondong", "Petani"), (worker.VillageName, worker.OccupationName));
        Assert.Empty(worker.NikWarnings);
        using var scope = factory.Services.CreateScope();
        var stored = await scope.As<RegistryDbContext>(AsSystem).Workers.AsNoTracking().SingleAsync(w => w.Id == worker.Id);
        Assert.Equal(("18.01.06", "18.01", "18"), (stored.DistrictCode, stored.RegencyCode, stored.ProvinceCode));
        var audit = Assert.Single(await AuditRowsAsync(factory, "worker", worker.Id));
        Assert.Equal(("create", Jondong), (audit.Action, audit.RegionCode));
    }

    [Fact]
    public async Task RegisterWorker_WhenNikDisagreesWithDeclaredBirthDateAndSex_StoresTheWarningsForReview()
    {
        var born = new DateOnly(1979, 8, 17);
        var request = NewWorker(Jondong, birthDate: born, sex: Sex.Male) with
        {
            BirthDate = "1979-08-18",
            Sex = "F",
        };

        var outcome = await RegisterAsAsync(Desa(Jondong), request);

        Assert.True(outcome.Succeeded);
        Assert.Equal([NikRules.BirthDateMismatchCode, NikRules.SexMismatchCode], outcome.Value.NikWarnings.Select(w => w.Code).Order());
        Assert.Contains("1979-08-17", outcome.Value.NikWarnings.Single(w => w.Code == NikRules.BirthDateMismatchCode).Message);
    }

    [Fact]
    public async Task RegisterWorker_WhenNikDistrictIsUnknownInAKnownRegency_StoresAWarning()
    {
        var request = NewWorker(Jondong);
        request = request with { Nik = "180199" + request.Nik![6..] };

        var outcome = await RegisterAsAsync(Desa(Jondong), request);

        Assert.True(outcome.Succeeded);
        Assert.Equal(NikRules.DistrictUnknownCode, Assert.Single(outcome.Value.NikWarnings).Code);
    }

    [Fact]
    public async Task RegisterWorker_WithMalformedFields_RefusesEachFieldWithItsCodeAndStoresNothing()
    {
        var request = NewWorker(Jondong) with { Nik = "1899013102850000", FullName = "", Kk = "123", DtsenDecile = 11 };

        var outcome = await RegisterAsAsync(Desa(Jondong), request);

        Assert.False(outcome.Succeeded);
        var refusal = outcome.Refusal;
        Assert.Equal((400, Refusal.InvalidRequest), (refusal.Status, refusal.Code));
        Assert.Equal(["dtsenDecile", "fullName", "kk", "nik"], refusal.Errors!.Keys.Order());
        Assert.Equal(["nik.date_invalid", "nik.region_unknown", "nik.serial_zero"], refusal.Errors["nik"].Select(r => r.Code).Order());
        Assert.Equal(WorkerRules.NameRequired, Assert.Single(refusal.Errors["fullName"]).Code);
    }

    [Fact]
    public async Task RegisterWorker_WithUnknownVillageOrOccupation_RefusesThoseFields()
    {
        var request = NewWorker(Jondong) with { VillageCode = "18.01.06.2999", OccupationCode = "astronot" };

        var outcome = await RegisterAsAsync(NationalAdmin(), request);

        Assert.False(outcome.Succeeded);
        Assert.Equal(WorkerRules.VillageUnknown, Assert.Single(outcome.Refusal.Errors!["villageCode"]).Code);
        Assert.Equal(WorkerRules.OccupationUnknown, Assert.Single(outcome.Refusal.Errors!["occupationCode"]).Code);
    }

    [Theory]
    [InlineData(Tengkujuh)]
    [InlineData(KembangAyun)]
    public async Task RegisterWorker_InAVillageOutsideTheCallersScope_Returns422RegionOutOfScope(string village)
    {
        var request = NewWorker(village);

        var outcome = await RegisterAsAsync(Desa(Jondong), request);

        Assert.Equal((422, "region.out_of_scope"), (outcome.Refusal!.Status, outcome.Refusal.Code));
        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.As<RegistryDbContext>(AsSystem).Workers.AnyAsync(w => w.Nik == request.Nik));
    }

    [Fact]
    public async Task RegisterWorker_WhenNikAlreadyRegisteredInScope_ReturnsConflictNamingTheExistingWorker()
    {
        var first = await RegisterAsync(factory, NewWorker(Jondong));

        var outcome = await RegisterAsAsync(Kecamatan("18.01.06"), NewWorker(Tengkujuh) with { Nik = first.Nik });

        Assert.Equal((409, "worker.nik_taken"), (outcome.Refusal!.Status, outcome.Refusal.Code));
        Assert.Equal(first.Id, outcome.Refusal.Extensions!["workerId"]);
    }

    [Fact]
    public async Task RegisterWorker_WhenNikRegisteredOutsideTheScope_SaysOnlyThatItIsRegisteredElsewhere()
    {
        var elsewhere = await RegisterAsync(factory, NewWorker(KembangAyun));

        var outcome = await RegisterAsAsync(Desa(Jondong), NewWorker(Jondong) with { Nik = elsewhere.Nik });

        var refusal = outcome.Refusal!;
        Assert.Equal((409, "worker.nik_taken"), (refusal.Status, refusal.Code));
        Assert.Null(refusal.Extensions);
        var said = JsonSerializer.Serialize(refusal);
        Assert.Contains("wilayah lain", said);
        Assert.DoesNotContain(elsewhere.Id.ToString(), said);
        Assert.DoesNotContain(elsewhere.FullName, said);
        Assert.DoesNotContain(KembangAyun, said);
    }

    [Fact]
    public async Task RegisterWorker_WithNoRequest_IsInvalid()
    {
        var outcome = await RegisterAsAsync(Desa(Jondong), null);

        Assert.Equal(["body"], outcome.Refusal!.Errors!.Keys);
    }
}
