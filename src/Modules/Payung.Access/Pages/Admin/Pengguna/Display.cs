using System.Globalization;
using Payung.Shared;

namespace Payung.Access.Pages.Admin.Pengguna;

/// <summary>How the user and API key pages write roles, scopes and times.</summary>
public static class Display
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public static string Role(string code) => RoleCodes.TryParse(code, out var role) ? role.Label() : code;

    public static string Scope(string? scopeCode, string? branchCode) =>
        scopeCode ?? (branchCode is null ? "Nasional" : "Cabang BPJS " + branchCode);

    /// <summary>In WIB, the time the operators live in.</summary>
    public static string Time(DateTimeOffset? instant) =>
        instant is { } i ? i.ToOffset(Wib).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture) + " WIB" : "—";

    public static string Count(int n) => n.ToString("N0", CultureInfo.GetCultureInfo("id-ID"));
}
