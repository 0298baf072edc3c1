using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Access.ViewAudit;

namespace Payung.Access.Pages.Admin.Audit;

/// <summary>
/// The audit trail for people: the same filters and <see cref="ListAuditEntries"/> as
/// <c>GET /api/v1/audit</c>, and a link to the CSV export with the filters on screen.
/// </summary>
[Authorize(Policy = Permissions.ViewAudit)]
public sealed class IndexModel(ListAuditEntries list) : PageModel
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Razor encodes the output; escaping here as well would show \u003C instead of <.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The filters as typed, echoed back into the form even when they are invalid.</summary>
    public AuditFilterRequest Input { get; private set; } = new();

    public AuditFilter? Filter { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public AuditEntryPage? Result { get; private set; }

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
            return;
        }

        Filter = filter;
        Result = await list.ExecuteAsync(filter, ct);
    }

    public string PageLink(int page) =>
        "/admin/audit?" + (Filter! with { Page = page }).ToQueryString(withPaging: true);

    public string InvalidClass(string field) => Errors.ContainsKey(field) ? "is-invalid" : "";

    public static string ActionLabel(string action) => action switch
    {
        "create" => "Buat",
        "update" => "Ubah",
        "delete" => "Hapus",
        "view" => "Lihat",
        "export" => "Ekspor",
        "sign_in" => "Masuk",
        "sign_in_failed" => "Gagal masuk",
        "sign_out" => "Keluar",
        _ => action,
    };

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
        "user" => "pengguna",
        "api_key" => "kunci API",
        "system" => "sistem",
        "anonymous" => "anonim",
        _ => kind,
    };

    public static string ToWib(DateTimeOffset instant) =>
        instant.ToOffset(Wib).ToString("dd-MM-yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Count(int n) => n.ToString("N0", CultureInfo.GetCultureInfo("id-ID"));

    public static string Pretty(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(doc.RootElement, Indented);
    }
}
