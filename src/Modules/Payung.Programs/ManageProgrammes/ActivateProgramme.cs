using Microsoft.EntityFrameworkCore;
using Payung.Programs.Rates;
using Payung.Shared;

namespace Payung.Programs.ManageProgrammes;

/// <summary>
/// Opens a draft for enrolment once its terms hold together: months in order within the fiscal year, a ceiling
/// above zero, and a ceiling that pays at least one participant for every month at the rates then in force.
/// </summary>
public sealed class ActivateProgramme
{
    private readonly ProgrammesDbContext db;
    private readonly RateTableCache rateCache;
    private readonly DescribeProgramme describe;
    private readonly TimeProvider clock;

    internal ActivateProgramme(ProgrammesDbContext db, RateTableCache rateCache, DescribeProgramme describe, TimeProvider clock)
    {
        this.db = db;
        this.rateCache = rateCache;
        this.describe = describe;
        this.clock = clock;
    }

    public async Task<Outcome<ProgrammeResponse>> ExecuteAsync(Guid id, CancellationToken ct)
    {
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null)
        {
            return ProgrammeRules.NotFound;
        }

        if (!db.ManagesProgramme(programme))
        {
            return ProgrammeRules.OutOfScope;
        }

        if (programme.Status != ProgrammeStatus.Draft)
        {
            return ProgrammeRules.NotDraft;
        }

        if (!ProgrammeRules.MonthsValid(programme.MonthFrom, programme.MonthTo, programme.FiscalYear))
        {
            return ProgrammeRules.MonthsInvalid(programme.FiscalYear);
        }

        if (programme.BudgetCeiling <= 0)
        {
            return Refusal.Rule(ProgrammeRules.BudgetTooSmallCode, "Pagu anggaran harus lebih dari nol rupiah.");
        }

        var (cost, refusal) = await PerParticipantCostAsync(programme, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (programme.BudgetCeiling < cost!.Value.Value)
        {
            return Refusal.Rule(ProgrammeRules.BudgetTooSmallCode, "Pagu anggaran tidak cukup untuk satu peserta selama seluruh periode.",
                $"Satu peserta untuk {programme.MonthFrom}–{programme.MonthTo} membutuhkan {cost}; pagu {Rupiah.Of(programme.BudgetCeiling)}.");
        }

        programme.Activate(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await describe.ExecuteAsync(programme, ct);
    }

    /// <summary>One participant's contributions over the whole period, from the one place amounts are computed.</summary>
    private async Task<(Rupiah? Cost, Refusal? Refusal)> PerParticipantCostAsync(Programme programme, CancellationToken ct)
    {
        var rates = await rateCache.GetAsync(ct);
        if (rates.FindFundingSource(programme.FundingSource) is not { } source)
        {
            return (null, Refusal.Rule(ProgrammeRules.FundingSourceUnknownCode, "Sumber dana tidak dikenal."));
        }

        List<ContributionComponent> components = programme.IncludeJht
            ? [ContributionComponent.Jkk, ContributionComponent.Jkm, ContributionComponent.Jht]
            : [ContributionComponent.Jkk, ContributionComponent.Jkm];
        Rupiah? basis = programme.IncomeBasis is { } b ? Rupiah.Of(b) : null;
        var total = Rupiah.Zero;
        for (var month = programme.MonthFrom; month <= programme.MonthTo; month = month.PlusMonths(1))
        {
            if (rates.BasisLimitFor(month) is { } limit && basis is { } chosen && (chosen < limit.Min || chosen > limit.Max))
            {
                return (null, Refusal.Rule(ProgrammeRules.IncomeBasisOutOfRangeCode, "Dasar upah di luar batas yang berlaku.",
                    $"Untuk {month} dasar upah harus antara {limit.Min} dan {limit.Max}."));
            }

            // Programmes pay for regional participants as a whole: no sector-specific discount is assumed here.
            if (CalculateContribution.ForMonth(rates, components, basis, source, null, month) is not { } quote)
            {
                return (null, Refusal.Rule(ProgrammeRules.NoRatesCode, $"Tidak ada tarif iuran yang berlaku untuk bulan {month}."));
            }

            total += quote.PerParticipant;
        }

        return (total, null);
    }
}
