using Microsoft.AspNetCore.Mvc.ModelBinding;
using Payung.Regions.Contracts;
using Payung.Registry.RegisterWorker;
using Payung.Shared;

namespace Payung.Registry.Pages.Pekerja;

/// <summary>
/// What the shared register/edit fields need: the values, the occupation list, and the villages to choose from
/// (the operator's own village, or the villages of their kecamatan; wider scopes type the code, since a regency's
/// few hundred villages would weigh down the page on a slow link).
/// </summary>
public sealed record WorkerFields(
    WorkerForm Form,
    IReadOnlyList<OccupationResponse> Occupations,
    IReadOnlyList<RegionInfo> Villages,
    bool IsNew,
    ModelStateDictionary ModelState)
{
    public string? ErrorFor(string field) => FormErrors.Of(ModelState, field);

    public string InvalidClass(string field) => ErrorFor(field) is null ? "" : "is-invalid";

    public static async Task<WorkerFields> ForAsync(WorkerForm form, bool isNew, CallerScope scope, ListOccupations occupations,
        IRegionDirectory regions, ModelStateDictionary modelState, CancellationToken ct)
    {
        IReadOnlyList<RegionInfo> villages = [];
        if (scope.Within is { } within && RegionCode.TryParse(within, out var code))
        {
            villages = code.Level switch
            {
                RegionLevel.Village => await regions.FindAsync(code, ct) is { } village ? [village] : [],
                RegionLevel.District => await regions.ChildrenAsync(code, ct),
                _ => [],
            };
        }

        if (isNew && string.IsNullOrEmpty(form.VillageCode) && villages.Count == 1)
        {
            form.VillageCode = villages[0].Code;
        }

        return new WorkerFields(form, await occupations.ExecuteAsync(ct), villages, isNew, modelState);
    }
}
