using Microsoft.Extensions.DependencyInjection;
using Payung.Infrastructure;
using Payung.Programs.ManageFunders;
using Payung.Programs.ManageProgrammes;
using Payung.Registry.RegisterWorker;
using Payung.Shared;

namespace Payung.BrowserTests;

/// <summary>Data of a test's own in the running application, made through the real use cases as the system.</summary>
public static class BrowserData
{
    /// <summary>A worker of Jondong (Kalianda, 18.01.06.2001), born 5 May 1985, male: the NIK must say so.</summary>
    public static async Task<Guid> RegisterWorkerAsync(PayungAppFixture app, string nik, string fullName)
    {
        using var scope = SystemScope(app);
        var worker = await scope.ServiceProvider.GetRequiredService<RegisterWorker>().ExecuteAsync(new RegisterWorkerRequest(
            nik, null, fullName, "Kalianda", "1985-05-05", Sex.Male.ToCode(), "18.01.06.2001", null, null, null, null, "petani",
            null, 2, null, null), CancellationToken.None);
        Assert.True(worker.Succeeded, string.Join("; ", worker.Refusal?.Messages().Select(m => m.Message) ?? []));
        return worker.Value.Id;
    }

    /// <summary>An active APBD programme of Lampung Selatan for the months given, with a funder of its own.</summary>
    public static async Task<Guid> ActiveProgrammeAsync(PayungAppFixture app, string name, string monthFrom, string monthTo)
    {
        var programme = await DraftProgrammeAsync(app, name, monthFrom, monthTo);
        using var scope = SystemScope(app);
        var activated = await scope.ServiceProvider.GetRequiredService<ActivateProgramme>().ExecuteAsync(programme, CancellationToken.None);
        Assert.True(activated.Succeeded, activated.Refusal?.Code);
        return programme;
    }

    /// <summary>A draft APBD programme of Lampung Selatan for the months given, with a funder of its own.</summary>
    public static async Task<Guid> DraftProgrammeAsync(PayungAppFixture app, string name, string monthFrom, string monthTo)
    {
        using var scope = SystemScope(app);
        var funder = await scope.ServiceProvider.GetRequiredService<CreateFunder>()
            .ExecuteAsync(new CreateFunderRequest($"Pemkab Lampung Selatan ({name})", "pemkab", "18.01"), CancellationToken.None);
        var programme = await scope.ServiceProvider.GetRequiredService<CreateProgramme>().ExecuteAsync(new ProgrammeRequest(
            Name: $"Program {name} " + Guid.NewGuid().ToString("N")[..6], FunderId: funder.Value!.Id, FundingSource: "APBD", FiscalYear: 2026,
            BudgetCeiling: 100_000_000, MonthFrom: monthFrom, MonthTo: monthTo, IncludeJht: false, IncomeBasis: null, TargetParticipants: 10,
            VillageQuota: null, MinAge: null, MaxAge: null, DomicileCodes: [], OccupationCodes: [], MaxDtsenDecile: null,
            ExcludeDeceased: true, ExcludeAlreadyFunded: true, CofunderId: null, CofunderSharePercent: null), CancellationToken.None);
        Assert.True(programme.Succeeded, programme.Refusal?.Code);
        return programme.Value.Id;
    }

    public static IServiceScope SystemScope(PayungAppFixture app)
    {
        var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().Scope = CallerScope.System("browser-test");
        return scope;
    }
}
