using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Access.ViewAudit;
using Payung.Infrastructure;
using Payung.Regions.Contracts;

namespace Payung.Access.Pages.Admin.Audit;

/// <summary>
/// The audit trail for people: the same filters and <see cref="ListAuditEntries"/> as
/// <c>GET /api/v1/audit</c>, and a link to the CSV export with the filters on screen. Entity types, actions,
/// regions and the changed values read in words (one region-name query for the page).
/// </summary>
[Authorize(Policy = Permissions.ViewAudit)]
public sealed class IndexModel(ListAuditEntries list, IRegionDirectory regions, CallerContext caller) : PageModel
{
    /// <summary>The entity types the modules audit, in the order the filter lists them, with their Indonesian names.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Entities =
    [
        ("user", "Akun pengguna"),
        ("api_key", "Kunci akses API"),
        ("audit_log", "Jejak audit"),
        ("worker", "Pekerja"),
        ("worker_nik", "NIK pekerja"),
        ("worker_import", "Impor pekerja"),
        ("import_details", "Rincian impor"),
        ("duplicate_candidate", "Kemungkinan duplikat"),
        ("funder", "Pemberi dana"),
        ("programme", "Program"),
        ("enrollment", "Kepesertaan program"),
        ("contribution_rate", "Tarif iuran"),
        ("funding_source", "Sumber dana"),
        ("bill", "Tagihan"),
        ("payment", "Pembayaran"),
        ("contribution", "Iuran bulanan"),
        ("statement_import", "Impor rekening iuran BPJS"),
        ("billing_setting", "Pengaturan penagihan"),
        ("protection_rule", "Aturan perlindungan"),
        ("handover", "Peralihan ke iuran mandiri"),
        ("self_paid_reminder", "Pengingat iuran mandiri"),
        ("self_paid_refund", "Pengembalian iuran mandiri"),
        ("notification", "Pemberitahuan"),
        ("notification_dispatch", "Pengiriman pemberitahuan"),
    ];

    private static readonly Dictionary<string, string> EntityLabels = Entities.ToDictionary(e => e.Code, e => e.Label);
    /// <summary>The filters as typed, echoed back into the form even when they are invalid.</summary>
    public AuditFilterRequest Input { get; private set; } = new();

    public AuditFilter? Filter { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public AuditEntryPage? Result { get; private set; }

    /// <summary>Each listed entry's snapshots in words, by entry id.</summary>
    public IReadOnlyDictionary<long, AuditChanges> Changes { get; private set; } = new Dictionary<long, AuditChanges>();

    /// <summary>Names of the regions the entries, their snapshots and the filter name.</summary>
    public RegionNames Regions { get; private set; } = RegionNames.None;

    /// <summary>The region filter stays inside the caller's own area; a national administrator's is the country.</summary>
    public string? Within => caller.Scope.AllRegions ? null : caller.Scope.ScopeCode;

    public int PageCount => Result is { } r ? Math.Max(1, (int)Math.Ceiling(r.Total / (double)r.PageSize)) : 0;

    public bool CanExport => Result is { } r && r.Total <= ExportAuditEntries.MaxRows;

    public string ExportLink => Filter?.ToQueryString() is { Length: > 0 } query
        ? "/api/v1/audit/export?" + query
        : "/api/v1/audit/export";

    // Read from the query string by hand: Razor Pages keep a route value called "page" (the page's own
    // path), which model binding would offer before the query's page number.
    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = Request.Query;
        Input = new AuditFilterRequest(q["actor"], q["entity"], q["action"], q["region"], q["from"], q["to"], q["page"], q["pageSize"]);
        if (!AuditFilter.TryParse(Input, out var filter, out var errors))
        {
            Errors = errors;
            Regions = await regions.NamesAsync([Input.Region?.Trim()], ct);
            return;
        }

        Filter = filter;
        Result = await list.ExecuteAsync(filter, ct);
        var read = Result.Items.ToDictionary(e => e.Id, e => AuditChanges.Read(e.Before, e.After));
        Regions = await regions.NamesAsync(
            Result.Items.Select(e => e.RegionCode).Concat(read.Values.SelectMany(c => c.RegionCodes)).Append(filter.Region?.Value), ct);
        Changes = read.ToDictionary(p => p.Key, p => p.Value.InWords(Regions));
    }

    public string PageLink(int page) =>
        "/admin/audit?" + (Filter! with { Page = page }).ToQueryString(withPaging: true);

    public string InvalidClass(string field) => Errors.ContainsKey(field) ? "is-invalid" : "";

    public static string ActionLabel(string action) => action switch
    {
        "create" => AccessText.T["Dibuat"],
        "update" => AccessText.T["Diubah"],
        "delete" => AccessText.T["Dihapus"],
        "view" => AccessText.T["Dilihat"],
        "export" => AccessText.T["Diekspor"],
        "sign_in" => AccessText.T["Masuk"],
        "sign_in_failed" => AccessText.T["Gagal masuk"],
        "sign_out" => AccessText.T["Keluar"],
        _ => action,
    };

    /// <summary>An entity type in words; an unknown one (from a newer module) is shown as its code.</summary>
    public static string? EntityLabel(string entity) =>
        EntityLabels.TryGetValue(entity, out var label) ? AccessText.T[label] : null;

    public static string ActionBadge(string action) => action switch
    {
        "create" => "text-bg-success",
        "update" => "text-bg-primary",
        "delete" => "text-bg-danger",
        "sign_in_failed" => "text-bg-warning",
        "export" or "view" => "text-bg-info",
        _ => "text-bg-secondary",
    };

    public static string ActorKindLabel(string kind) => kind switch
    {
        "user" => AccessText.T["lewat akun pengguna"],
        "api_key" => AccessText.T["lewat kunci API"],
        "system" => AccessText.T["sistem"],
        "anonymous" => AccessText.T["anonim"],
        _ => kind,
    };
}
