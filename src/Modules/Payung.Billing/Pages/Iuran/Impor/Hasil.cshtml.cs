using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Billing.ImportStatements;
using Payung.Infrastructure.Pages;
using Payung.Infrastructure.Spreadsheets;

namespace Payung.Billing.Pages.Iuran.Impor;

/// <summary>
/// One statement import: its progress while the job runs (the page refreshes itself every 2 seconds through a Refresh
/// header, no script), then the counts per verdict and the rows with their reasons, a page at a time — by default the
/// rows to act on (rejected and needs_review), or one verdict.
/// </summary>
[Authorize(Policy = Permissions.ReadPersonalData)]
internal sealed class HasilModel(GetStatementImport get, ListStatementRows rows) : PageModel
{
    public const int PageSize = 50;

    public StatementImportStatus Import { get; private set; } = null!;

    public StatementRowPage? Rows { get; private set; }

    public string? Verdict { get; private set; }

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
            Response.Headers["Refresh"] = "2";
        }

        if (import.Status == "succeeded")
        {
            var page = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1;
            if (ImportVerdicts.TryParse(Request.Query["hasil"], out var v))
            {
                Verdict = v.ToCode();
                Rows = await rows.ExecuteAsync(id, v, page, PageSize, ct);
            }
            else
            {
                // What the operator has to act on first: rejected rows, then those to review.
                Rows = await rows.ExecuteAsync(id, ImportVerdict.Rejected, page, PageSize, ct);
                Verdict = ImportVerdict.Rejected.ToCode();
                if (Rows is { Total: 0 })
                {
                    Rows = await rows.ExecuteAsync(id, ImportVerdict.NeedsReview, page, PageSize, ct);
                    Verdict = ImportVerdict.NeedsReview.ToCode();
                }
            }
        }

        return Page();
    }

    public string PageLink(int page) => $"/iuran/impor/{Import.Id}?page={page}" + (Verdict is null ? "" : "&hasil=" + Verdict);

    public static string StageLabel(string? stage) => stage switch
    {
        ImportStatementJob.StageReading => BillingText.T["Membaca berkas"],
        ImportStatementJob.StageValidating => BillingText.T["Memeriksa dan menyimpan"],
        ImportStatementJob.StageFinishing => BillingText.T["Menyelesaikan"],
        _ => BillingText.T["Menunggu giliran"],
    };

    public static string VerdictBadge(string verdict) => ImportVerdicts.Badge(verdict);

    /// <summary>A row's month by name when the file gave a real month; what the file said otherwise (a rejected row shows its input).</summary>
    public static string MonthOf(string? month) => DisplayFormat.Month(month);
}
