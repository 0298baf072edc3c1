using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Infrastructure;
using Payung.Infrastructure.Pages;
using Payung.Regions.Contracts;
using Payung.Registry.ImportWorkers;

namespace Payung.Registry.Pages.Impor;

/// <summary>
/// One import: its progress while the job runs (the page refreshes itself every 2 seconds through a Refresh
/// header, no script), then the counts per verdict and the rows to act on with their reasons, a page at a time,
/// and how the follow-up duplicate scan stands (the page keeps refreshing, more slowly, until it ends).
/// </summary>
[Authorize(Policy = Permissions.ReadPersonalData)]
public sealed class HasilModel(GetWorkerImport get, ListWorkerImportRows rows, IRegionDirectory regions, CallerContext caller) : PageModel
{
    public const int PageSize = 50;

    public WorkerImportStatus Import { get; private set; } = null!;

    public ImportRowPage? Rows { get; private set; }

    public string? Verdict { get; private set; }

    /// <summary>The names of the default village and of the listed rows' villages.</summary>
    public RegionNames Regions { get; private set; } = RegionNames.None;

    /// <summary>Whether the caller may upload again (readers such as BPJS officers only look).</summary>
    public bool CanWrite => Pekerja.WorkerDisplay.CanWrite(caller.Scope);

    public int PageCount => Rows is { } r ? Math.Max(1, (int)Math.Ceiling(r.Total / (double)r.PageSize)) : 0;

    // Read from the query string by hand: Razor Pages keep a route value called "page".
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await get.ExecuteAsync(id, ct) is not { } import)
        {
            return NotFound();
        }

        Import = import;
        if (!import.Finished)
        {
            // The Refresh header does what <meta http-equiv="refresh"> does, without touching the shared layout
            // and without a script (the CSP allows none inline).
            Response.Headers["Refresh"] = "2";
        }
        else if (import.DuplicateScan is { Finished: false })
        {
            Response.Headers["Refresh"] = "5";
        }

        if (import.Status == "succeeded")
        {
            Verdict = ImportVerdicts.TryParse(Request.Query["hasil"], out var v) ? v.ToCode() : null;
            var page = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1;
            Rows = await rows.ExecuteAsync(id, Verdict is null ? null : v, page, PageSize, ct);
        }

        Regions = await regions.NamesAsync((Rows?.Items.Select(r => r.VillageCode) ?? []).Append(import.DefaultVillage), ct);

        return Page();
    }

    public string PageLink(int page) => $"/impor/{Import.Id}?page={page}" + (Verdict is null ? "" : "&hasil=" + Verdict);

    public static string StatusLabel(string status) => RegistryText.T[ImportVerdicts.StatusLabel(status)];

    /// <summary>A row verdict's label (<c>created</c> → Baru / New); an unknown code as it is.</summary>
    public static string VerdictLabel(string verdict) =>
        ImportVerdicts.TryParse(verdict, out var v) ? RegistryText.T[v.Label()] : verdict;

    public static string StageLabel(string? stage) => RegistryText.T[stage switch
    {
        ImportWorkersJob.StageReading => "Membaca berkas",
        ImportWorkersJob.StageValidating => "Memeriksa dan menyimpan",
        ImportWorkersJob.StageFinishing => "Menyelesaikan",
        _ => "Menunggu",
    }];

    public static string ScanLabel(ImportDuplicateScan scan) => scan.Status switch
    {
        "queued" => RegistryText.T["Menunggu giliran"],
        "running" => RegistryText.T["Berjalan"],
        "succeeded" => RegistryText.T.Format("Selesai, {0} kandidat", DisplayFormat.Number(scan.Candidates ?? 0)),
        "failed" => RegistryText.T["Gagal"],
        "cancelled" => RegistryText.T["Dibatalkan"],
        _ => scan.Status,
    };

    public static string VerdictBadge(string verdict) => ImportVerdicts.Badge(verdict);
}
