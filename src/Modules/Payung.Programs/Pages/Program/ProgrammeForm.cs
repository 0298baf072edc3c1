using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Payung.Programs.ManageProgrammes;

namespace Payung.Programs.Pages.Program;

/// <summary>
/// The programme form as posted. Field names are the API's (<c>name</c>, <c>funderId</c>, …) so a refusal's
/// per-field messages land beside the right input. Domiciles come from the region picker (one field per region) and
/// occupations from checkboxes (one field per occupation), so nobody types a code.
/// </summary>
public sealed class ProgrammeForm
{
    public string? Name { get; set; }
    public Guid? FunderId { get; set; }
    public string? FundingSource { get; set; }
    public int? FiscalYear { get; set; }
    public long? BudgetCeiling { get; set; }
    public string? MonthFrom { get; set; }
    public string? MonthTo { get; set; }
    public bool IncludeJht { get; set; }
    public long? IncomeBasis { get; set; }
    public int? TargetParticipants { get; set; }
    public int? VillageTarget { get; set; }
    public int? VillageQuota { get; set; }
    public int? MinAge { get; set; }
    public int? MaxAge { get; set; }
    public string[] DomicileCodes { get; set; } = [];
    public string[] OccupationCodes { get; set; } = [];
    public int? MaxDtsenDecile { get; set; }
    public bool ExcludeDeceased { get; set; } = true;
    public bool ExcludeAlreadyFunded { get; set; } = true;
    public Guid? CofunderId { get; set; }
    /// <summary>Text, read with a decimal point or comma: the Indonesian culture would take "3.5" for 35.</summary>
    public string? CofunderSharePercent { get; set; }

    public ProgrammeRequest ToRequest() => new(Name, FunderId, FundingSource, FiscalYear, BudgetCeiling, MonthFrom, MonthTo,
        IncludeJht, IncomeBasis, TargetParticipants, VillageQuota, MinAge, MaxAge, Clean(DomicileCodes), Clean(OccupationCodes),
        MaxDtsenDecile, ExcludeDeceased, ExcludeAlreadyFunded, CofunderId, Share(CofunderSharePercent), VillageTarget);

    public static ProgrammeForm Of(ProgrammeResponse p) => new()
    {
        Name = p.Name,
        FunderId = p.FunderId,
        FundingSource = p.FundingSource,
        FiscalYear = p.FiscalYear,
        BudgetCeiling = p.BudgetCeiling,
        MonthFrom = p.MonthFrom,
        MonthTo = p.MonthTo,
        IncludeJht = p.Package.Contains("JHT"),
        IncomeBasis = p.IncomeBasis,
        TargetParticipants = p.TargetParticipants,
        VillageTarget = p.VillageTarget,
        VillageQuota = p.VillageQuota,
        MinAge = p.MinAge,
        MaxAge = p.MaxAge,
        DomicileCodes = [.. p.DomicileCodes],
        OccupationCodes = [.. p.OccupationCodes],
        MaxDtsenDecile = p.MaxDtsenDecile,
        ExcludeDeceased = p.ExcludeDeceased,
        ExcludeAlreadyFunded = p.ExcludeAlreadyFunded,
        CofunderId = p.CofunderId,
        CofunderSharePercent = p.CofunderSharePercent?.ToString("0.##", CultureInfo.InvariantCulture),
    };

    /// <summary>Puts a refusal into the form's model state, under the API's field names.</summary>
    public static void AddErrors(ModelStateDictionary modelState, Refusal refusal)
    {
        foreach (var (field, message) in refusal.Messages())
        {
            modelState.AddModelError(field, message);
        }
    }

    /// <summary>The messages for one field of a form, joined; null when it has none.</summary>
    public static string? ErrorFor(ModelStateDictionary modelState, string field) =>
        modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;

    // An unreadable share becomes an impossible one, so the use case answers it with its own field message.
    private static decimal? Share(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var share) ? share
        : -1m;

    private static string[] Clean(string[]? list) =>
        (list ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToArray();
}
