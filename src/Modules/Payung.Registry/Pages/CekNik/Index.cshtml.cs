using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Payung.Regions.Contracts;
using Payung.Shared;
using RegionInfo = Payung.Regions.Contracts.RegionInfo;

namespace Payung.Registry.Pages.CekNik;

/// <summary>
/// The NIK check for people: the same <see cref="NikRules.Check"/> as <c>POST /api/v1/nik/check</c>, with the
/// decoded birth date, sex and kecamatan of issue. Nothing is stored.
/// </summary>
public sealed class IndexModel(
    IRegionCodeLookup regionCodes,
    IRegionDirectory regions,
    BusinessCalendar calendar,
    IStringLocalizer<RegistryText> text) : PageModel
{
    /// <summary>Same limit as the API: long enough for a NIK typed with spaces, short enough to echo back.</summary>
    public const int MaxNikLength = 64;

    [BindProperty(Name = "nik")]
    public string? Nik { get; set; }

    [BindProperty(Name = "birthDate")]
    public string? DeclaredBirthDate { get; set; }

    [BindProperty(Name = "sex")]
    public string? DeclaredSex { get; set; }

    public NikCheckResult? Result { get; private set; }

    /// <summary>
    /// The former regency code the NIK was issued under, when it is one. Its kecamatan is then not named: the split
    /// re-numbered kecamatan, so the digits read under today's regency may name another one.
    /// </summary>
    public FormerRegionCode? FormerRegency { get; private set; }

    /// <summary>The encoded kecamatan digits as issued (<c>91.01.01</c>), shown with <see cref="FormerRegency"/>.</summary>
    public string? IssuedDistrict { get; private set; }

    /// <summary>The kecamatan of issue and its ancestors, province first; empty when it is not on the list.</summary>
    public IReadOnlyList<RegionInfo> District { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Nik))
        {
            ModelState.AddModelError("nik", text["Validation.NikRequired"]);
        }
        else if (Nik.Length > MaxNikLength)
        {
            ModelState.AddModelError("nik", text["Validation.NikTooLong", MaxNikLength]);
            Nik = Nik[..MaxNikLength]; // do not echo kilobytes back into the form
        }

        DateOnly? birthDate = null;
        if (!string.IsNullOrWhiteSpace(DeclaredBirthDate))
        {
            if (DateOnly.TryParseExact(DeclaredBirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                birthDate = d;
            }
            else
            {
                ModelState.AddModelError("birthDate", text["Validation.BirthDate"]);
                DeclaredBirthDate = null;
            }
        }

        Sex? sex = null;
        if (!string.IsNullOrEmpty(DeclaredSex))
        {
            if (Sex.TryFromCode(DeclaredSex, out var s))
            {
                sex = s;
            }
            else
            {
                ModelState.AddModelError("sex", text["Validation.Sex"]);
                DeclaredSex = null;
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Result = NikRules.Check(Nik, calendar.Today(), birthDate, sex, regionCodes);
        if (Result.Warnings.Any(w => w.Code == NikRules.FormerRegionCode) && Result.Nik is { } parsed
            && RegionCode.TryParse(parsed.Value[..4], out var issuedRegency))
        {
            FormerRegency = regionCodes.FindFormer(issuedRegency);
            IssuedDistrict = $"{parsed.Value[..2]}.{parsed.Value[2..4]}.{parsed.Value[4..6]}";
        }
        else if (Result.DistrictCode is { } district && regionCodes.Exists(district))
        {
            District = await regions.LineageAsync(district, ct);
        }

        return Page();
    }

    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public string SexLabel(Sex sex) => sex == Sex.Female ? text["Sex.Female"] : text["Sex.Male"];

    /// <summary>An English gloss of a rule code; null in Indonesian, where the rule's own message says it all.</summary>
    public string? RuleGloss(string code) => text["Rule." + code] is { ResourceNotFound: false } gloss ? gloss.Value : null;
}
