using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;
using Payung.Access.Contracts;
using Payung.Billing.ImportStatements;
using Payung.Infrastructure.Spreadsheets;

namespace Payung.Billing.Pages.Iuran.Impor;

/// <summary>
/// Upload of a payment/contribution statement (.xlsx or .csv) for people: the same <see cref="StartStatementImport"/> as
/// <c>POST /api/v1/statements</c>; on success it goes to the import's page, which follows the job.
/// </summary>
[Authorize(Policy = Permissions.RecordContributions)]
[RequestFormLimits(MultipartBodyLengthLimit = 64L * 1024 * 1024)]
[RequestSizeLimit(64L * 1024 * 1024)]
internal sealed class IndexModel(StartStatementImport start, GetStatementImport imports, IConfiguration configuration) : PageModel
{
    [BindProperty]
    public IFormFile? Berkas { get; set; }

    public string? Error { get; private set; }

    public string? ErrorDetail { get; private set; }

    public IReadOnlyList<StatementImportStatus> Recent { get; private set; } = [];

    public ImportLimits Limits => ImportLimits.WebFrom(configuration);

    public async Task OnGetAsync(CancellationToken ct) => Recent = await imports.RecentAsync(20, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Berkas is null || Berkas.Length == 0)
        {
            Error = BillingText.T["Pilih berkas .xlsx atau .csv untuk diunggah."];
        }
        else
        {
            try
            {
                var content = await ImportUpload.ReadAsync(Berkas, Limits, ct);
                var id = await start.UploadAsync(Berkas.FileName, content, Limits, ct);
                return Redirect($"/iuran/impor/{id}");
            }
            catch (ImportRefusedException e)
            {
                (Error, ErrorDetail) = (BillingText.T[e.Message], e.Detail);
            }
        }

        Recent = await imports.RecentAsync(20, ct);
        return Page();
    }
}
