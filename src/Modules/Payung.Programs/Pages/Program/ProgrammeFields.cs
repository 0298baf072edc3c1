using Microsoft.AspNetCore.Mvc.ModelBinding;
using Payung.Infrastructure.Pages;
using Payung.Programs.ManageFunders;
using Payung.Programs.ManageProgrammes;
using Payung.Regions.Contracts;
using Payung.Registry.Contracts;

namespace Payung.Programs.Pages.Program;

/// <summary>
/// What the shared form partial needs: the values, the funders and occupations to choose from, the region names of
/// the funders and chosen domiciles, the region the domicile picker searches within, and the errors.
/// </summary>
public sealed record ProgrammeFields(
    ProgrammeForm Form,
    IReadOnlyList<FunderResponse> Funders,
    IReadOnlyList<OccupationChoice> Occupations,
    RegionNames Names,
    string? DomicileWithin,
    ModelStateDictionary ModelState)
{
    public IReadOnlyList<string> FundingSources => ProgrammeRules.FundingSources;

    /// <summary>
    /// Reads what the form offers, with one region-name query for the funders' and the chosen domiciles' regions.
    /// <paramref name="within"/> is the programme's own region when it has one, else the caller's area (null: national).
    /// </summary>
    public static async Task<ProgrammeFields> LoadAsync(ProgrammeForm form, string? within, ListFunders funders, OccupationList occupations,
        IRegionDirectory regions, ModelStateDictionary modelState, CancellationToken ct)
    {
        var funderList = await funders.ExecuteAsync(ct);
        var occupationList = await occupations.ReadAsync(ct);
        var names = await regions.NamesAsync(funderList.Select(f => f.RegionCode).Concat(form.DomicileCodes).Append(within), ct);
        return new ProgrammeFields(form, funderList, occupationList, names, within, modelState);
    }

    public RegionPicker DomicilePicker => new(
        Name: "domicileCodes",
        Label: ProgramsText.T["Wilayah domisili"],
        Level: null,
        Chosen: ProgrammeDisplay.Picked(Form.DomicileCodes, Names),
        Within: DomicileWithin,
        Multiple: true,
        Error: ErrorFor("domicileCodes"),
        Help: ProgramsText.T["Kosongkan bila semua penduduk wilayah program boleh ikut. Ketik nama desa, kecamatan atau kabupaten lalu pilih."]);

    /// <summary>Active occupations, and any retired one the programme already names, so saving never drops it.</summary>
    public IEnumerable<OccupationChoice> OfferedOccupations =>
        Occupations.Where(o => o.IsActive || Form.OccupationCodes.Contains(o.Code));

    public string FunderLabel(FunderResponse funder) => $"{funder.Name} · {Names.Describe(funder.RegionCode)}";

    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;

    public string InvalidClass(string field) => ErrorFor(field) is null ? "" : "is-invalid";

    public IEnumerable<string> General =>
        ModelState.TryGetValue("", out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];
}
