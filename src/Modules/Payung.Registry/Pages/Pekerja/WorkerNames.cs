using System.Globalization;
using Payung.Infrastructure.Pages;
using Payung.Regions.Contracts;
using Payung.Registry.RegisterWorker;

namespace Payung.Registry.Pages.Pekerja;

/// <summary>
/// The words for the codes a worker page shows: occupations by name, villages with their district and regency,
/// and the change history's stored values (codes, ISO dates, plain numbers) as a person reads them. Built once per
/// page from one occupation query and one <see cref="IRegionDirectory.NamesAsync"/> call over every code on it.
/// </summary>
public sealed class WorkerNames(IReadOnlyDictionary<string, string> occupations, RegionNames regions)
{
    public static readonly WorkerNames None = new(new Dictionary<string, string>(), RegionNames.None);

    public RegionNames Regions => regions;

    public static async Task<WorkerNames> ForAsync(ListOccupations occupations, IRegionDirectory regions,
        IEnumerable<string?> regionCodes, CancellationToken ct) =>
        new(await occupations.NamesAsync(ct), await regions.NamesAsync(regionCodes, ct));

    /// <summary>The occupation's name (translated where the page's language has one), or the code when unknown.</summary>
    public string Occupation(string? code) =>
        code is null ? DisplayFormat.Empty : occupations.TryGetValue(code, out var name) ? WorkerDisplay.Occupation(name) : code;

    /// <summary><c>Jondong, Kalianda, Kabupaten Lampung Selatan (18.01.06.2001)</c>; the code alone when unknown.</summary>
    public string Village(string? code) => string.IsNullOrEmpty(code) ? DisplayFormat.Empty : regions.WithCode(code);

    /// <summary>A value from the audit history, in words where the stored form is a code, a number or an ISO date.</summary>
    public string Value(string field, string? value) => (field, value) switch
    {
        (_, null or "") => DisplayFormat.Empty,
        ("sex", _) => WorkerDisplay.Sex(value),
        ("status", _) => WorkerDisplay.Status(value),
        ("occupationCode", _) => Occupation(value),
        ("villageCode", _) => Village(value),
        ("monthlyIncome", _) when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var income) =>
            DisplayFormat.Rupiah(income),
        ("birthDate" or "deathDate", _) when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
            DisplayFormat.Date(date),
        _ => value,
    };

    /// <summary>Whether <see cref="Value"/> gives page words (translated) rather than the person's data as stored.</summary>
    public static bool IsWords(string field) => field is "sex" or "status" or "occupationCode";
}
