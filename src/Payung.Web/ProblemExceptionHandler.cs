using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Payung.Shared;

namespace Payung.Web;

/// <summary>
/// Turns failures into ProblemDetails: a broken business rule keeps its code and status, a malformed
/// request is a 400, and anything else is a 500 that never shows a stack trace to the client.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, code, title) = exception switch
        {
            DomainRuleException rule => (rule.Status, rule.Code, rule.Message),
            BadHttpRequestException bad => (bad.StatusCode, "request.malformed", "Permintaan tidak dapat dibaca."),
            _ => (StatusCodes.Status500InternalServerError, "server.error", "Terjadi kesalahan pada server."),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
        }

        if (!PayungWebApp.IsApi(http) && exception is not DomainRuleException and not BadHttpRequestException)
        {
            return false; // a page: the exception handler re-executes /error/500
        }

        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Type = $"https://payung.go.id/problems/{code}",
                Extensions = { ["code"] = code, ["traceId"] = http.TraceIdentifier },
            },
        });
    }
}
