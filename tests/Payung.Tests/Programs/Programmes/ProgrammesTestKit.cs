using Microsoft.Extensions.DependencyInjection;
using Payung.Programs.ManageFunders;
using Payung.Programs.ManageProgrammes;
using Payung.Shared;
using Payung.Tests.Registry.Workers;

namespace Payung.Tests.Programs.Programmes;

/// <summary>Funders and programme requests with explicit values; each test makes its own funder.</summary>
internal static class ProgrammesTestKit
{
    public const string LampungSelatan = "18.01";
    public const string MuaraEnim = "16.04";
    public const string Lampung = "18";

    public static async Task<FunderResponse> CreateFunderAsync(PayungApiFactory factory, string kind, string region, CallerScope? caller = null)
    {
        using var scope = factory.Services.CreateScope();
        var outcome = await scope.As<CreateFunder>(caller ?? WorkersTestKit.AsSystem)
            .ExecuteAsync(new CreateFunderRequest($"Pemberi dana uji {Guid.NewGuid():N}"[..40], kind, region), CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Code);
        return outcome.Value;
    }

    /// <summary>Lampung Selatan's 2025 programme: 4,465 pekerja rentan, May–September, JKK+JKM on the minimum basis.</summary>
    public static ProgrammeRequest NewProgramme(Guid funderId, string fundingSource = "APBD") => new(
        Name: "Perlindungan pekerja rentan 2026",
        FunderId: funderId,
        FundingSource: fundingSource,
        FiscalYear: 2026,
        BudgetCeiling: 375_000_000,
        MonthFrom: "2026-05",
        MonthTo: "2026-09",
        IncludeJht: false,
        IncomeBasis: null,
        TargetParticipants: 4_465,
        VillageQuota: 100,
        MinAge: 18,
        MaxAge: 65,
        DomicileCodes: ["18.01"],
        OccupationCodes: ["petani"],
        MaxDtsenDecile: 5,
        ExcludeDeceased: true,
        ExcludeAlreadyFunded: true,
        CofunderId: null,
        CofunderSharePercent: null);

    public static async Task<ProgrammeResponse> CreateProgrammeAsync(PayungApiFactory factory, ProgrammeRequest request, CallerScope? caller = null)
    {
        using var scope = factory.Services.CreateScope();
        var outcome = await scope.As<CreateProgramme>(caller ?? WorkersTestKit.AsSystem).ExecuteAsync(request, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Code);
        return outcome.Value;
    }
}
