using Microsoft.EntityFrameworkCore;

namespace Payung.Programs.ManageProgrammes;

/// <summary>
/// Programmes as responses, with their funders' names. Funder names are read past the scope filter: a visible
/// programme may name a co-funder elsewhere (a province), and a funder's name is no personal data.
/// </summary>
public sealed class DescribeProgramme(ProgrammesDbContext db)
{
    public async Task<ProgrammeResponse> ExecuteAsync(Programme programme, CancellationToken ct) =>
        (await ExecuteAsync([programme], ct))[0];

    public async Task<IReadOnlyList<ProgrammeResponse>> ExecuteAsync(IReadOnlyList<Programme> programmes, CancellationToken ct)
    {
        var ids = programmes.Select(p => p.FunderId)
            .Concat(programmes.Where(p => p.CofunderId is not null).Select(p => p.CofunderId!.Value))
            .Distinct().ToList();
        var names = await db.Funders.IgnoreQueryFilters().AsNoTracking()
            .Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        return programmes.Select(p => Of(p, names)).ToList();
    }

    private static ProgrammeResponse Of(Programme p, Dictionary<Guid, string> names) => new(
        p.Id,
        p.Name,
        p.FunderId,
        names.GetValueOrDefault(p.FunderId),
        p.FundingSource,
        p.FiscalYear,
        p.BudgetCeiling,
        p.MonthFrom.ToString(),
        p.MonthTo.ToString(),
        p.IncludeJht ? ["JKK", "JKM", "JHT"] : ["JKK", "JKM"],
        p.IncomeBasis,
        p.TargetParticipants,
        p.VillageTarget,
        p.VillageQuota,
        p.MinAge,
        p.MaxAge,
        p.DomicileCodes,
        p.OccupationCodes,
        p.MaxDtsenDecile,
        p.ExcludeDeceased,
        p.ExcludeAlreadyFunded,
        p.CofunderId,
        p.CofunderId is { } c ? names.GetValueOrDefault(c) : null,
        p.CofunderSharePercent,
        ProgrammesDbContext.ToCode(p.Status),
        p.RegionCode,
        p.CreatedAt,
        p.UpdatedAt);
}
