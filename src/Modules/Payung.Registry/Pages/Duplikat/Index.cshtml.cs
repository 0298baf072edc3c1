using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Regions.Contracts;
using Payung.Registry.RegisterWorker;
using Payung.Registry.ReviewDuplicates;

namespace Payung.Registry.Pages.Duplikat;

/// <summary>
/// The review queue of likely duplicates in the caller's scope: the same <see cref="ListDuplicateCandidates"/> as
/// <c>GET /api/v1/workers/duplicates</c>. Each row opens the side-by-side review.
/// </summary>
[Authorize(Policy = Permissions.ReadPersonalData)]
public sealed class IndexModel(ListDuplicateCandidates listCandidates, IRegionDirectory regions) : PageModel
{
    public string Status { get; private set; } = "open";

    /// <summary>Only the candidates of this worker (from the worker's page).</summary>
    public Guid? WorkerId { get; private set; }

    public Paged<DuplicateCandidateResponse>? Result { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The names of both sides' villages.</summary>
    public RegionNames Regions { get; private set; } = RegionNames.None;

    [TempData]
    public string? Notice { get; set; }

    public int PageCount => Result is { } r ? Math.Max(1, (int)Math.Ceiling(r.Total / (double)r.PageSize)) : 0;

    // Read from the query string by hand: Razor Pages keep a route value called "page".
    public async Task OnGetAsync(CancellationToken ct)
    {
        Status = Request.Query["status"].ToString() is { Length: > 0 } s ? s : "open";
        int? page = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
        WorkerId = Guid.TryParse(Request.Query["pekerja"], out var w) ? w : null;
        var outcome = await listCandidates.ExecuteAsync(new ListDuplicateCandidatesRequest(Status, WorkerId, page, ListDuplicateCandidates.DefaultPageSize), ct);
        if (outcome.Succeeded)
        {
            Result = outcome.Value;
            Regions = await regions.NamesAsync(Result.Items.SelectMany(c => new[] { c.Worker.VillageCode, c.OtherWorker.VillageCode }), ct);
        }
        else
        {
            Errors = outcome.Refusal.Messages().Select(m => m.Message).ToList();
        }
    }

    public string PageLink(int page)
    {
        var query = new QueryBuilder { { "status", Status }, { "page", page.ToString(CultureInfo.InvariantCulture) } };
        if (WorkerId is { } worker)
        {
            query.Add("pekerja", worker.ToString());
        }

        return "/duplikat" + query.ToQueryString();
    }
}
