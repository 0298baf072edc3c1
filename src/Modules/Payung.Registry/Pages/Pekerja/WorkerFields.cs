using Microsoft.AspNetCore.Mvc.ModelBinding;
using Payung.Infrastructure;
using Payung.Infrastructure.Pages;
using Payung.Regions.Contracts;
using Payung.Registry.RegisterWorker;
using Payung.Shared;

namespace Payung.Registry.Pages.Pekerja;

/// <summary>
/// What the shared register/edit fields need: the values, the occupation list for the select, and the village
/// picker, which searches by name inside the caller's own area (a village operator's own village is filled in).
/// </summary>
public sealed record WorkerFields(
    WorkerForm Form,
    IReadOnlyList<OccupationResponse> Occupations,
    RegionPicker Village,
    bool IsNew,
    ModelStateDictionary ModelState)
{
    /// <summary>The form field the village picker posts; bound to <see cref="WorkerForm.VillageCode"/> like the API's <c>villageCode</c>.</summary>
    public const string VillageField = "VillageCode";

    public string? ErrorFor(string field) => FormErrors.Of(ModelState, field);

    public string InvalidClass(string field) => ErrorFor(field) is null ? "" : "is-invalid";

    public static async Task<WorkerFields> ForAsync(WorkerForm form, bool isNew, CallerScope scope, ListOccupations occupations,
        IRegionDirectory regions, ModelStateDictionary modelState, CancellationToken ct)
    {
        if (isNew && string.IsNullOrEmpty(form.VillageCode) && scope.Role == Role.DesaOperator && scope.Within is { } own)
        {
            form.VillageCode = own;
        }

        var names = await regions.NamesAsync([form.VillageCode], ct);
        IReadOnlyList<PickedRegion> chosen = string.IsNullOrEmpty(form.VillageCode)
            ? []
            : [new PickedRegion(form.VillageCode, names.WithCode(form.VillageCode))];
        var picker = new RegionPicker(VillageField, RegistryText.T["Desa/kelurahan"], "village", chosen,
            Within: WorkerDisplay.PickerWithin(scope), Multiple: false, Error: FormErrors.Of(modelState, "villageCode"),
            Help: RegistryText.T["Ketik nama desa/kelurahan lalu pilih dari daftar."]);
        return new WorkerFields(form, await occupations.ExecuteAsync(ct), picker, isNew, modelState);
    }

    /// <summary>
    /// A refusal of the register or edit use case into the form: a village outside the caller's area is the
    /// village field's error (the use case refuses it as a rule, with no field), and a village left empty asks for
    /// one to be picked rather than for a code; everything else as it came.
    /// </summary>
    public static void AddRefusal(ModelStateDictionary modelState, Refusal refusal, WorkerForm form)
    {
        if (refusal.Code == WorkerRules.OutOfScope)
        {
            modelState.AddModelError("villageCode", refusal.Title);
            return;
        }

        foreach (var (field, message) in refusal.Messages())
        {
            modelState.AddModelError(field, field == "villageCode" && string.IsNullOrWhiteSpace(form.VillageCode)
                ? RegistryText.T["Pilih desa/kelurahan: ketik namanya lalu pilih dari daftar."]
                : message);
        }
    }
}
