using Payung.Shared;

namespace Payung.Access;

/// <summary>
/// The region (or BPJS branch) a role is bound to, checked against the role's level:
/// national admin none, province viewer a province, Disnaker and executive a regency, kecamatan a
/// district, desa a village, BPJS officer a branch.
/// </summary>
public sealed record RoleScope(string? ScopeCode, string? BranchCode)
{
    public string? RegencyCode => ScopeCode is { Length: >= 5 } ? ScopeCode[..5] : null;

    /// <summary>The scope when it fits the role; otherwise null, with the Indonesian reason in <paramref name="error"/>.</summary>
    public static RoleScope? TryCreate(Role role, string? scopeCode, string? branchCode, out string? error)
    {
        error = null;
        if (role == Role.BpjsOfficer)
        {
            if (string.IsNullOrWhiteSpace(branchCode) || scopeCode is not null)
            {
                error = "Petugas BPJS harus terikat pada satu kantor cabang, tanpa kode wilayah.";
                return null;
            }

            return new RoleScope(null, branchCode);
        }

        if (branchCode is not null)
        {
            error = "Hanya petugas BPJS yang terikat pada kantor cabang.";
            return null;
        }

        if (role.ScopeLevel() is not { } level)
        {
            if (scopeCode is not null)
            {
                error = "Admin nasional tidak memiliki kode wilayah.";
                return null;
            }

            return new RoleScope(null, null);
        }

        if (!RegionCode.TryParse(scopeCode, out var code) || code.Level != level)
        {
            error = level switch
            {
                RegionLevel.Province => "Peran ini memerlukan kode provinsi (contoh: 18).",
                RegionLevel.Regency => "Peran ini memerlukan kode kabupaten/kota (contoh: 18.01).",
                RegionLevel.District => "Peran ini memerlukan kode kecamatan (contoh: 18.01.06).",
                _ => "Peran ini memerlukan kode desa/kelurahan (contoh: 18.01.06.2001).",
            };
            return null;
        }

        return new RoleScope(code.Value, null);
    }
}
