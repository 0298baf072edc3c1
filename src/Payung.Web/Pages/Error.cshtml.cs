using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Payung.Web.Pages;

/// <summary>
/// The error page of every page request: re-executed by the status-code pages (400, 404, …) and the exception
/// handler (500), or reached by the sign-in's redirect for a forbidden page (403). It answers with the status it
/// explains, in the layout, saying what happened. It ignores the antiforgery token because it also answers the
/// POST whose token was missing or expired; checking it again would end in a blank 400.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string? TraceId { get; private set; }

    /// <summary>Where the failed request was going, when the error was re-executed from it.</summary>
    public string? OriginalPath { get; private set; }

    public void OnGet(int? status) => Explain(status);

    public void OnPost(int? status) => Explain(status);

    private void Explain(int? status)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        OriginalPath = reExecuted?.OriginalPath ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        Status = reExecuted?.OriginalStatusCode ?? (status is >= 400 and <= 599 ? status.Value : StatusCodes.Status500InternalServerError);
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            Status = StatusCodes.Status500InternalServerError;
        }

        TraceId = Status >= 500 ? HttpContext.TraceIdentifier : null;
        Response.StatusCode = Status;
    }
}
