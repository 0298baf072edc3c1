using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Infrastructure;
using Payung.Programs.Contracts;
using Payung.Regions.Contracts;
using Payung.Registry.Contracts;
using Payung.Shared;

namespace Payung.Web.Pages;

/// <summary>
/// The home page. Signed out: the national region counts. Signed in: the desk — the caller's area, its open
/// programmes with their state and what is due for each (bills unpaid, subsidies ending next month), and the
/// registry work waiting (duplicates, imports) — each a link to where it is done. Every figure comes from the
/// modules' contracts under the caller's scope.
/// </summary>
public sealed class IndexModel(
    IRegionDirectory regions,
    CallerContext caller,
    BusinessCalendar calendar,
    IProgrammeDesk programmeDesk,
    IProgrammeBilling billing,
    IRegistryDesk registryDesk) : PageModel
{
    public const int ProgrammesShown = 8;

    public long Provinces { get; private set; }
    public long Regencies { get; private set; }
    public long Districts { get; private set; }
    public long Villages { get; private set; }

    public CallerScope Scope => caller.Scope;

    public bool SignedIn => Scope.Kind == ActorKind.User;

    public RegionNames Names { get; private set; } = RegionNames.None;

    public ContributionMonth NextMonth { get; private set; }

    public ProgrammeDeskFigures? Programmes { get; private set; }

    /// <summary>Billed but unpaid per programme shown, for the roles that see a programme's bills.</summary>
    public IReadOnlyDictionary<Guid, long> Unpaid { get; private set; } = new Dictionary<Guid, long>();

    public RegistryDeskFigures? Registry { get; private set; }

    public bool Can(string permission) => Scope.Role is { } r && Permissions.Roles[permission].Contains(r);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!SignedIn)
        {
            var provinces = await regions.ChildrenAsync(null, ct);
            Provinces = provinces.Count;
            Districts = provinces.Sum(p => (long)p.DistrictCount);
            Villages = provinces.Sum(p => (long)p.VillageCount);
            Regencies = await regions.CountAsync("regency", ct);
            return;
        }

        var month = calendar.CurrentMonth();
        NextMonth = month.PlusMonths(1);
        if (Can(Permissions.ReadPrograms))
        {
            Programmes = await programmeDesk.ReadAsync(month, ProgrammesShown, ct);
            if (Can(Permissions.ReadPersonalData))
            {
                var figures = await billing.FiguresAsync(Programmes.Programmes.Where(p => p.Status != "draft").Select(p => p.Id).ToList(), ct);
                Unpaid = figures.ToDictionary(f => f.Key, f => f.Value.Billed - f.Value.Paid);
            }
        }

        if (Can(Permissions.ReadPersonalData))
        {
            Registry = await registryDesk.ReadAsync(ct);
        }

        Names = await regions.NamesAsync([Scope.ScopeCode, .. Programmes?.Programmes.Select(p => p.RegionCode) ?? []], ct);
    }
}
