using Payung.Access.Contracts;
using Payung.Programs.ManageProgrammes;
using Payung.Shared;

namespace Payung.Programs.Pages.Program;

/// <summary>Whether to offer write buttons; the policies on the handlers and the use cases decide.</summary>
public static class ProgrammePermissions
{
    public static bool CanManage(CallerScope scope) => Has(scope, Permissions.ManagePrograms);

    /// <summary>
    /// Edit, activate and close: the role may manage programmes and the programme's own region lies in the caller's
    /// scope. A village operator sees the kabupaten's programme (it enrols its villagers there) but may not change it.
    /// </summary>
    public static bool CanManage(CallerScope scope, ProgrammeResponse programme) =>
        CanManage(scope) && scope.Covers(programme.RegionCode);

    public static bool Has(CallerScope scope, string permission) =>
        scope.Role is { } role && Permissions.Roles[permission].Contains(role);

    /// <summary>
    /// The status a person reads: the stored one, except that an active programme whose last month has passed reads
    /// <c>ended</c> ("Selesai, belum ditutup") until somebody closes it. The stored status does not change by itself.
    /// </summary>
    public static string State(ProgrammeResponse programme, ContributionMonth thisMonth) =>
        programme.Status == "active" && ContributionMonth.TryParse(programme.MonthTo, out var last) && last < thisMonth
            ? "ended"
            : programme.Status;

    public static string StatusLabel(string state) => state switch
    {
        "active" => ProgramsText.T["Aktif"],
        "ended" => ProgramsText.T["Selesai, belum ditutup"],
        "closed" => ProgramsText.T["Ditutup"],
        _ => ProgramsText.T["Draf"],
    };

    public static string StatusBadge(string state) => state switch
    {
        "active" => "text-bg-success",
        "ended" => "text-bg-warning",
        "closed" => "text-bg-secondary",
        _ => "text-bg-light border",
    };
}
