namespace Payung.Shared;

/// <summary>The stable text form of roles, as stored in the database and sent over the API.</summary>
public static class RoleCodes
{
    private static readonly Dictionary<Role, string> Codes = new()
    {
        [Role.NationalAdmin] = "national_admin",
        [Role.ProvinceViewer] = "province_viewer",
        [Role.DisnakerOperator] = "disnaker_operator",
        [Role.KecamatanOperator] = "kecamatan_operator",
        [Role.DesaOperator] = "desa_operator",
        [Role.BpjsOfficer] = "bpjs_officer",
        [Role.ExecutiveViewer] = "executive_viewer",
    };

    private static readonly Dictionary<string, Role> ByCode = Codes.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All => Codes.Values;

    public static string ToCode(this Role role) => Codes[role];

    public static bool TryParse(string? code, out Role role) => ByCode.TryGetValue(code ?? "", out role);

    public static Role Parse(string code) =>
        TryParse(code, out var role) ? role : throw new FormatException($"Unknown role '{code}'.");

    /// <summary>The level of region a role's scope names; null for national and branch-scoped roles.</summary>
    public static RegionLevel? ScopeLevel(this Role role) => role switch
    {
        Role.ProvinceViewer => RegionLevel.Province,
        Role.DisnakerOperator or Role.ExecutiveViewer => RegionLevel.Regency,
        Role.KecamatanOperator => RegionLevel.District,
        Role.DesaOperator => RegionLevel.Village,
        _ => null,
    };

    /// <summary>Indonesian label for pages.</summary>
    public static string Label(this Role role) => role switch
    {
        Role.NationalAdmin => "Admin nasional",
        Role.ProvinceViewer => "Pemantau provinsi",
        Role.DisnakerOperator => "Operator Disnaker kabupaten/kota",
        Role.KecamatanOperator => "Operator kecamatan",
        Role.DesaOperator => "Operator desa/kelurahan",
        Role.BpjsOfficer => "Petugas BPJS Ketenagakerjaan",
        Role.ExecutiveViewer => "Pimpinan daerah (agregat)",
        _ => role.ToString(),
    };
}
