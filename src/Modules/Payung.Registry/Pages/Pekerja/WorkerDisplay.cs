using System.Globalization;
using Payung.Access.Contracts;
using Payung.Registry.ReviewDuplicates;
using Payung.Shared;

namespace Payung.Registry.Pages.Pekerja;

/// <summary>How the worker and duplicate pages write sexes, statuses, dates, money, field names and rule names.</summary>
public static class WorkerDisplay
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

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

    public static string Field(string name) => FieldLabels.TryGetValue(name, out var label) ? label : name;

    /// <summary>A value from the audit history, in words where the stored form is a code.</summary>
    public static string Value(string field, string? value) => (field, value) switch
    {
        (_, null or "") => "—",
        ("sex", _) => Sex(value),
        ("status", _) => Status(value),
        ("monthlyIncome", _) when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var income) => Money(income),
        _ => value,
    };

    public static string Sex(string code) => code == "F" ? "Perempuan" : "Laki-laki";

    public static string Status(string code) => code == "deceased" ? "Meninggal" : "Hidup";

    public static string Date(DateOnly? date) =>
        date is { } d ? d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID")) : "—";

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>In WIB, the time the operators live in.</summary>
    public static string Time(DateTimeOffset? instant) =>
        instant is { } i ? i.ToOffset(Wib).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture) + " WIB" : "—";

    public static string Money(long? amount) => amount is { } a ? Rupiah.Of(a).ToString() : "—";

    public static string Count(int n) => n.ToString("N0", CultureInfo.GetCultureInfo("id-ID"));

    public static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value;

    public static string Action(string action) => action switch
    {
        "create" => "Didaftarkan",
        "update" => "Diubah",
        "delete" => "Dihapus",
        _ => action,
    };

    public static string Reason(string reason) => reason switch
    {
        FindDuplicates.SameNameBirthDate => "Nama dan tanggal lahir sama, kabupaten/kota sama",
        FindDuplicates.SameKkName => "Nomor KK dan nama sama",
        FindDuplicates.NikOneDigitApart => "NIK berbeda satu digit, nama sama",
        _ => reason,
    };

    public static string CandidateStatus(string status) => status switch
    {
        "merged" => "Digabung",
        "dismissed" => "Bukan duplikat",
        _ => "Menunggu keputusan",
    };

    /// <summary>The evidence's <c>fields</c> as readable labels.</summary>
    public static IReadOnlyList<string> MatchedFields(DuplicateCandidateResponse candidate) =>
        candidate.Evidence.TryGetProperty("fields", out var fields) && fields.ValueKind == System.Text.Json.JsonValueKind.Array
            ? fields.EnumerateArray().Select(f => f.GetString() ?? "").Select(f => f == "nameKey" ? "Nama (dinormalkan)" : Field(f)).ToList()
            : [];

    /// <summary>Whether the caller's role may register, edit and merge (the pages hide what it may not do).</summary>
    public static bool CanWrite(CallerScope scope) =>
        scope.Role is { } role && Permissions.Roles[Permissions.WritePersonalData].Contains(role);
}
