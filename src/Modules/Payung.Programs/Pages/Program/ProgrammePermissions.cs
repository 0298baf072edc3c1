using Payung.Access.Contracts;
using Payung.Shared;

namespace Payung.Programs.Pages.Program;

/// <summary>Whether to offer write buttons; the policies on the handlers decide.</summary>
public static class ProgrammePermissions
{
    public static bool CanManage(CallerScope scope) =>
        scope.Role is { } role && Permissions.Roles[Permissions.ManagePrograms].Contains(role);

    public static string StatusLabel(string status) => status switch
    {
        "active" => "Aktif",
        "closed" => "Ditutup",
        _ => "Draf",
    };
}
