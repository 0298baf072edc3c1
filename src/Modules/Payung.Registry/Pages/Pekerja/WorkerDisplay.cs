using Payung.Access.Contracts;
using Payung.Registry.ReviewDuplicates;
using Payung.Shared;

namespace Payung.Registry.Pages.Pekerja;

/// <summary>
/// How the worker, duplicate and import pages name sexes, statuses, field names, history actions and duplicate
/// reasons, in the page's language. Dates, times, money and counts are <see cref="Payung.Infrastructure.Pages.DisplayFormat"/>'s.
/// </summary>
public static class WorkerDisplay
{
    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        ["nik"] = "NIK",
        ["kk"] = "Nomor KK",
        ["fullName"] = "Nama lengkap",
        ["birthPlace"] = "Tempat lahir",
        ["birthDate"] = "Tanggal lahir",
        ["sex"] = "Jenis kelamin",
        ["villageCode"] = "Desa/kelurahan",
        ["address"] = "Alamat",
        ["rt"] = "RT",
        ["rw"] = "RW",
        ["phone"] = "Telepon",
        ["occupationCode"] = "Pekerjaan",
        ["monthlyIncome"] = "Penghasilan bulanan",
        ["dtsenDecile"] = "Desil DTSEN",
        ["status"] = "Status",
        ["deathDate"] = "Tanggal meninggal",
        ["nikWarnings"] = "Peringatan NIK",
        ["mergedInto"] = "Digabung ke",
        ["regencyCode"] = "Kabupaten/kota",
    };

    public static string Field(string name) => FieldLabels.TryGetValue(name, out var label) ? RegistryText.T[label] : name;

    public static string Sex(string code) => RegistryText.T[code == "F" ? "Perempuan" : "Laki-laki"];

    public static string Status(string code) => RegistryText.T[code == "deceased" ? "Meninggal" : "Hidup"];

    /// <summary>An occupation's name from the maintained list, in English where the list's name has a translation.</summary>
    public static string Occupation(string name) => RegistryText.T[name];

    public static string Action(string action) => action switch
    {
        "create" => RegistryText.T["Didaftarkan"],
        "update" => RegistryText.T["Diubah"],
        "delete" => RegistryText.T["Dihapus"],
        _ => action,
    };

    public static string Reason(string reason) => reason switch
    {
        FindDuplicates.SameNameBirthDate => RegistryText.T["Nama dan tanggal lahir sama, kabupaten/kota sama"],
        FindDuplicates.SameKkName => RegistryText.T["Nomor KK dan nama sama"],
        FindDuplicates.NikOneDigitApart => RegistryText.T["NIK berbeda satu digit, nama sama"],
        _ => reason,
    };

    public static string CandidateStatus(string status) => status switch
    {
        "merged" => RegistryText.T["Digabung"],
        "dismissed" => RegistryText.T["Bukan duplikat"],
        _ => RegistryText.T["Menunggu keputusan"],
    };

    /// <summary>
    /// An English gloss of a rule code (<c>Rule.nik.length</c> in the English texts) for a rule message that stays in
    /// Indonesian; null in Indonesian, where the message says it all.
    /// </summary>
    public static string? RuleGloss(string code)
    {
        var key = "Rule." + code;
        var gloss = RegistryText.T[key];
        return gloss == key ? null : gloss;
    }

    /// <summary>The evidence's <c>fields</c> as readable labels.</summary>
    public static IReadOnlyList<string> MatchedFields(DuplicateCandidateResponse candidate) =>
        candidate.Evidence.TryGetProperty("fields", out var fields) && fields.ValueKind == System.Text.Json.JsonValueKind.Array
            ? fields.EnumerateArray().Select(f => f.GetString() ?? "").Select(f => f == "nameKey" ? RegistryText.T["Nama (dinormalkan)"] : Field(f)).ToList()
            : [];

    /// <summary>Whether the caller's role may register, edit and merge (the pages hide what it may not do).</summary>
    public static bool CanWrite(CallerScope scope) =>
        scope.Role is { } role && Permissions.Roles[Permissions.WritePersonalData].Contains(role);

    /// <summary>
    /// The region a region picker keeps its results in: the caller's own area (a village, district, regency or
    /// province), or null for national callers. The use cases still check the scope when the form is saved.
    /// </summary>
    public static string? PickerWithin(CallerScope scope) =>
        scope.AllRegions ? null : scope.Within ?? (RegionCode.TryParse(scope.ScopeCode, out _) ? scope.ScopeCode : null);
}
