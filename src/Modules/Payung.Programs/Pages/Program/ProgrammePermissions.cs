using Payung.Access.Contracts;
using Payung.Shared;

namespace Payung.Programs.Pages.Program;

/// <summary>Whether to offer write buttons; the policies on the handlers decide.</summary>
public static class ProgrammePermissions
{
    public static bool CanManage(CallerScope scope) => Has(scope, Permissions.ManagePrograms);

    public static bool Has(CallerScope scope, string permission) =>
        scope.Role is { } role && Permissions.Roles[permission].Contains(role);

    public static string StatusLabel(string status) => status switch
    {
        "active" => "Aktif",
        "closed" => "Ditutup",
        _ => "Draf",
    };
}
