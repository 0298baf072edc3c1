using Payung.Shared;

namespace Payung.Access.Contracts;

/// <summary>
/// Named authorization policies. Roles say what a caller may do; the region scope (applied in the
/// data layer) says where. A role without the permission gets 403; a record outside the scope 404.
/// </summary>
public static class Permissions
{
    /// <summary>Signed in as anybody: user or API key.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Read individual people's records (not executive viewers: aggregates only).</summary>
    public const string ReadPersonalData = "personal-data.read";

    /// <summary>
    /// Register and edit individual people's records and resolve likely duplicates. Only the operators who
    /// collect the data (village, district, the regency's Disnaker) and national administrators: province
    /// viewers monitor, BPJS officers receive registrations through the membership exchange, and executive
    /// viewers see aggregates only.
    /// </summary>
    public const string WritePersonalData = "personal-data.write";

    /// <summary>Create users, reset passwords, issue and revoke API keys.</summary>
    public const string ManageUsers = "users.manage";

    /// <summary>Read the audit log.</summary>
    public const string ViewAudit = "audit.view";

    /// <summary>
    /// Read funders and funding programmes. They hold no personal data (budgets and rules only), so every role
    /// may, executive viewers included; the region scope still limits which programmes appear.
    /// </summary>
    public const string ReadPrograms = "programs.read";

    /// <summary>
    /// Create funders and create, edit, activate and close programmes: national administrators, a regency's
    /// Disnaker for its regency and a village operator for its village's own funds (APBDes, Dana Desa).
    /// </summary>
    public const string ManagePrograms = "programs.manage";

    /// <summary>
    /// Add contribution-rate versions and change a funding source's discount setting: regulated numbers that every
    /// programme in the country computes with, so national administrators only.
    /// </summary>
    public const string ManageRates = "rates.manage";

    /// <summary>
    /// Record what BPJS reports about contributions: import payment/contribution statements and record backdate
    /// requests and BPJS's decisions on them. Everyone who writes personal data, and BPJS branch officers, whose
    /// statements these are.
    /// </summary>
    public const string RecordContributions = "contributions.record";

    public static readonly IReadOnlyDictionary<string, Role[]> Roles = new Dictionary<string, Role[]>
    {
        [ReadPersonalData] = [Role.NationalAdmin, Role.ProvinceViewer, Role.DisnakerOperator, Role.KecamatanOperator,
            Role.DesaOperator, Role.BpjsOfficer],
        [WritePersonalData] = [Role.NationalAdmin, Role.DisnakerOperator, Role.KecamatanOperator, Role.DesaOperator],
        [ManageUsers] = [Role.NationalAdmin, Role.DisnakerOperator],
        [ViewAudit] = [Role.NationalAdmin, Role.DisnakerOperator],
        [ReadPrograms] = Enum.GetValues<Role>(),
        [ManagePrograms] = [Role.NationalAdmin, Role.DisnakerOperator, Role.DesaOperator],
        [ManageRates] = [Role.NationalAdmin],
        [RecordContributions] = [Role.NationalAdmin, Role.DisnakerOperator, Role.KecamatanOperator, Role.DesaOperator, Role.BpjsOfficer],
    };

    /// <summary>Roles a manager may hand out: a Disnaker operator only the operators inside its regency.</summary>
    public static IReadOnlyList<Role> AssignableBy(Role manager) => manager switch
    {
        Role.NationalAdmin => Enum.GetValues<Role>(),
        Role.DisnakerOperator => [Role.DisnakerOperator, Role.KecamatanOperator, Role.DesaOperator],
        _ => [],
    };
}
