using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payung.Infrastructure;
using Payung.Programs.ManageProgrammes;
using Payung.Shared;
using static Payung.Tests.Programs.Programmes.ProgrammesTestKit;
using static Payung.Tests.Registry.Workers.WorkersTestKit;

namespace Payung.Tests.Programs.Programmes;

/// <summary>The programme use cases: scope per role, the draft → active → closed life, validation and audit.</summary>
public sealed class ManageProgrammesTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private async Task<Outcome<ProgrammeResponse>> CreateAsAsync(CallerScope caller, ProgrammeRequest request)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.As<CreateProgramme>(caller).ExecuteAsync(request, CancellationToken.None);
    }

    private async Task<Outcome<ProgrammeResponse>> EditAsAsync(CallerScope caller, Guid id, ProgrammeRequest request)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.As<EditProgramme>(caller).ExecuteAsync(id, request, CancellationToken.None);
    }

    private async Task<Outcome<ProgrammeResponse>> ActivateAsAsync(CallerScope caller, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.As<ActivateProgramme>(caller).ExecuteAsync(id, CancellationToken.None);
    }

    private async Task<Outcome<ProgrammeResponse>> CloseAsAsync(CallerScope caller, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.As<CloseProgramme>(caller).ExecuteAsync(id, CancellationToken.None);
    }

    private async Task<Outcome<ProgrammeDetailResponse>> GetAsAsync(CallerScope caller, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.As<GetProgramme>(caller).ExecuteAsync(id, CancellationToken.None);
    }

    [Fact]
    public async Task Programme_AsNationalAdmin_IsCreatedEditedActivatedAndClosed()
    {
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        var admin = NationalAdmin();

        var created = await CreateAsAsync(admin, NewProgramme(funder.Id));
        Assert.True(created.Succeeded, created.Refusal?.Code);
        Assert.Equal(("draft", LampungSelatan, "2026-05"), (created.Value.Status, created.Value.RegionCode, created.Value.MonthFrom));

        var edited = await EditAsAsync(admin, created.Value.Id, NewProgramme(funder.Id) with { Name = "Program diubah", IncludeJht = true });
        Assert.Equal(("Program diubah", 3), (edited.Value!.Name, edited.Value.Package.Count));

        var activated = await ActivateAsAsync(admin, created.Value.Id);
        Assert.Equal("active", activated.Value!.Status);

        var closed = await CloseAsAsync(admin, created.Value.Id);
        Assert.Equal("closed", closed.Value!.Status);
    }

    [Fact]
    public async Task Programme_AsDisnakerInItsRegency_IsCreatedAndActivatedAndReadWithItsCommitments()
    {
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan, Disnaker(LampungSelatan));
        var created = await CreateAsAsync(Disnaker(LampungSelatan), NewProgramme(funder.Id));
        Assert.True(created.Succeeded, created.Refusal?.Code);

        Assert.True((await ActivateAsAsync(Disnaker(LampungSelatan), created.Value.Id)).Succeeded);
        var detail = await GetAsAsync(Disnaker(LampungSelatan), created.Value.Id);

        Assert.Equal((0L, 375_000_000L, 0), (detail.Value!.Committed, detail.Value.Remaining, detail.Value.ActiveParticipants));
        Assert.Equal(funder.Name, detail.Value.Programme.FunderName);
    }

    [Fact]
    public async Task Programme_OfAnotherRegency_IsNotFoundForReadsAndOutOfScopeForWrites()
    {
        var elsewhere = await CreateFunderAsync(factory, "pemkab", MuaraEnim);
        var programme = await CreateProgrammeAsync(factory, NewProgramme(elsewhere.Id));
        var disnaker = Disnaker(LampungSelatan);

        Assert.Equal((404, "programme.not_found"), Code(await GetAsAsync(disnaker, programme.Id)));
        Assert.Equal((404, "programme.not_found"), Code(await EditAsAsync(disnaker, programme.Id, NewProgramme(elsewhere.Id))));
        Assert.Equal((404, "programme.not_found"), Code(await ActivateAsAsync(disnaker, programme.Id)));
        Assert.Equal((422, "region.out_of_scope"), Code(await CreateAsAsync(disnaker, NewProgramme(elsewhere.Id))));
    }

    [Fact]
    public async Task Programme_OfAVillage_TakesVillageFundsOnlyAndStaysInTheVillage()
    {
        var village = await CreateFunderAsync(factory, "pemdes", Jondong, Desa(Jondong));

        var apbd = await CreateAsAsync(Desa(Jondong), NewProgramme(village.Id, "APBD"));
        var danaDesa = await CreateAsAsync(Desa(Jondong), NewProgramme(village.Id, "DANA_DESA"));
        var neighbour = await CreateAsAsync(Desa(Tengkujuh), NewProgramme(village.Id, "DANA_DESA"));

        Assert.Equal((422, "programme.funding_source_not_allowed"), Code(apbd));
        Assert.Equal(Jondong, danaDesa.Value!.RegionCode);
        Assert.Equal((422, "region.out_of_scope"), Code(neighbour));
    }

    [Fact]
    public async Task CreateProgramme_WithBrokenFields_ReturnsEachFieldInIndonesian()
    {
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);

        var outcome = await CreateAsAsync(NationalAdmin(), NewProgramme(funder.Id) with
        {
            Name = "x",
            BudgetCeiling = 0,
            MonthFrom = "Mei 2026",
            TargetParticipants = 0,
            MinAge = 60,
            MaxAge = 18,
            CofunderSharePercent = 30,
        });

        Assert.Equal((400, "request.invalid"), Code(outcome));
        Assert.Equal(
            ["budgetCeiling", "cofunderSharePercent", "maxAge", "monthFrom", "name", "targetParticipants"],
            outcome.Refusal!.Errors!.Keys.Order().ToArray());
        Assert.Contains("Pagu", outcome.Refusal.Errors["budgetCeiling"][0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-09", "2026-05")]
    [InlineData("2025-12", "2026-03")]
    [InlineData("2027-01", "2027-03")]
    [InlineData("2026-11", "2027-11")]
    public async Task CreateProgramme_WithMonthsOutOfOrderStartingOutsideTheFiscalYearOrOverTwelveMonths_IsRefused(string from, string to)
    {
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);

        var outcome = await CreateAsAsync(NationalAdmin(), NewProgramme(funder.Id) with { MonthFrom = from, MonthTo = to });

        Assert.Equal((422, "programme.months_invalid"), Code(outcome));
    }

    [Theory]
    [InlineData("2026-09", "2027-02")] // six months from September, as Bangka Selatan paid from September 2025
    [InlineData("2026-01", "2026-12")]
    [InlineData("2026-11", "2027-10")]
    public async Task CreateProgramme_StartingInTheFiscalYearForUpToTwelveMonths_IsAccepted(string from, string to)
    {
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);

        var outcome = await CreateAsAsync(NationalAdmin(), NewProgramme(funder.Id) with { MonthFrom = from, MonthTo = to });

        Assert.True(outcome.Succeeded, outcome.Refusal?.Code);
    }

    [Fact]
    public async Task CreateProgramme_WithUnknownFundingSourceOrFunder_IsRefusedWithTheirCodes()
    {
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);

        Assert.Equal((422, "funding_source.unknown"), Code(await CreateAsAsync(NationalAdmin(), NewProgramme(funder.Id, "SELF_PAID"))));
        Assert.Equal((422, "funder.not_found"), Code(await CreateAsAsync(NationalAdmin(), NewProgramme(Guid.NewGuid()))));
    }

    [Fact]
    public async Task Programme_CoFundedByTheProvince_NamesBothFunders()
    {
        var regency = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        var province = await CreateFunderAsync(factory, "pemprov", Lampung);

        var created = await CreateAsAsync(Disnaker(LampungSelatan),
            NewProgramme(regency.Id) with { CofunderId = province.Id, CofunderSharePercent = 30 });

        Assert.Equal((province.Name, 30m), (created.Value!.CofunderName, created.Value.CofunderSharePercent));
    }

    [Fact]
    public async Task ActivateProgramme_WhenTheCeilingPaysNotOneParticipantForThePeriod_IsRefused()
    {
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        // Five months of JKK (Rp10,000 on the minimum basis) and JKM (Rp6,800) cost Rp84,000 for one participant.
        var tooSmall = await CreateProgrammeAsync(factory, NewProgramme(funder.Id) with { BudgetCeiling = 83_999 });
        var justEnough = await CreateProgrammeAsync(factory, NewProgramme(funder.Id) with { BudgetCeiling = 84_000 });

        Assert.Equal((422, "programme.budget_too_small"), Code(await ActivateAsAsync(NationalAdmin(), tooSmall.Id)));
        Assert.True((await ActivateAsAsync(NationalAdmin(), justEnough.Id)).Succeeded);
    }

    [Fact]
    public async Task Programme_OutOfTurn_IsRefusedByStatus()
    {
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        var programme = await CreateProgrammeAsync(factory, NewProgramme(funder.Id));

        Assert.Equal((409, "programme.not_active"), Code(await CloseAsAsync(NationalAdmin(), programme.Id)));
        Assert.True((await ActivateAsAsync(NationalAdmin(), programme.Id)).Succeeded);
        Assert.Equal((409, "programme.not_draft"), Code(await EditAsAsync(NationalAdmin(), programme.Id, NewProgramme(funder.Id))));
        Assert.Equal((409, "programme.not_draft"), Code(await ActivateAsAsync(NationalAdmin(), programme.Id)));
    }

    [Fact]
    public async Task Programme_Changes_WriteAuditRowsWithTheActor()
    {
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        var disnaker = Disnaker(LampungSelatan);
        var created = await CreateAsAsync(disnaker, NewProgramme(funder.Id));
        await EditAsAsync(disnaker, created.Value!.Id, NewProgramme(funder.Id) with { TargetParticipants = 500 });
        await ActivateAsAsync(disnaker, created.Value.Id);

        var rows = await AuditRowsAsync(factory, "programme", created.Value.Id);

        Assert.Equal(["create", "update", "update"], rows.Select(r => r.Action).ToArray());
        Assert.All(rows, r => Assert.Equal(disnaker.ActorName, r.ActorName));
        using var after = JsonDocument.Parse(rows[^1].After!);
        Assert.Equal("active", after.RootElement.GetProperty("status").GetString());
        Assert.NotEmpty(await AuditRowsAsync(factory, "funder", funder.Id));
    }

    private static (int, string) Code<T>(Outcome<T> outcome)
        where T : class =>
        outcome.Succeeded ? (200, "ok") : (outcome.Refusal.Status, outcome.Refusal.Code);
}
