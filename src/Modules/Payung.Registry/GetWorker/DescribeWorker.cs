using Microsoft.EntityFrameworkCore;
using Payung.Infrastructure;
using Payung.Regions.Contracts;
using Payung.Shared;

namespace Payung.Registry.GetWorker;

/// <summary>
/// Turns a worker found through the caller's scope into what that caller may see: personal numbers masked as
/// the role requires, names of the village and occupation, NIK warnings with a message, and the survivor of a merge.
/// </summary>
public sealed class DescribeWorker(
    RegistryDbContext db,
    IRegionDirectory regions,
    IRegionCodeLookup regionCodes,
    CallerContext caller,
    BusinessCalendar calendar)
{
    public async Task<WorkerResponse> ExecuteAsync(Worker w, CancellationToken ct)
    {
        var scope = caller.Scope;
        var code = w.OccupationCode;
        var occupation = await db.Occupations.AsNoTracking().Where(o => o.Code == code).Select(o => o.Name).SingleOrDefaultAsync(ct);
        var village = RegionCode.TryParse(w.VillageCode, out var villageCode) ? await regions.FindAsync(villageCode, ct) : null;

        WorkerLink? mergedInto = null;
        if (w.MergedInto is { } survivorId)
        {
            // Through the scoped set: a survivor outside the caller's scope is named by id only.
            var survivor = await db.Workers.AsNoTracking().Where(x => x.Id == survivorId)
                .Select(x => new { x.Nik, x.FullName }).SingleOrDefaultAsync(ct);
            mergedInto = new WorkerLink(survivorId, PersonalData.For(scope, survivor?.Nik), survivor?.FullName);
        }

        return new WorkerResponse(
            w.Id,
            PersonalData.For(scope, w.Nik),
            PersonalData.For(scope, w.Kk),
            w.FullName,
            w.BirthPlace,
            w.BirthDate,
            w.Sex,
            w.VillageCode,
            village?.Name,
            w.Address,
            w.Rt,
            w.Rw,
            PersonalData.For(scope, w.Phone, PersonalData.MaskPhone),
            w.OccupationCode,
            occupation,
            w.MonthlyIncome,
            w.DtsenDecile,
            StatusCode(w.Status),
            w.DeathDate,
            NikWarnings(w),
            mergedInto,
            scope.MasksPersonalData,
            w.RowVersion,
            w.CreatedAt,
            w.UpdatedAt);
    }

    public static string StatusCode(WorkerStatus status) => status == WorkerStatus.Deceased ? "deceased" : "alive";

    /// <summary>
    /// The stored warning codes with NikRules' own wording (which quotes the dates it compared) where the check
    /// still says so today, else the generic message of the code.
    /// </summary>
    private IReadOnlyList<RuleMessage> NikWarnings(Worker w)
    {
        if (w.NikWarnings.Length == 0)
        {
            return [];
        }

        var declaredSex = Sex.TryFromCode(w.Sex, out var s) ? s : (Sex?)null;
        var current = NikRules.Check(w.Nik, calendar.Today(), w.BirthDate, declaredSex, regionCodes).Warnings;
        return w.NikWarnings
            .Select(code => current.FirstOrDefault(r => r.Code == code)
                            ?? (WorkerRules.Messages.TryGetValue(code, out var message) ? new RuleMessage(code, message) : new RuleMessage(code, code)))
            .ToList();
    }
}
