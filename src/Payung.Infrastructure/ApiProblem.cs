using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Payung.Infrastructure;

/// <summary>
/// ProblemDetails with a stable English <c>code</c> for machines and an Indonesian title for people.
/// Every module answers errors through these so clients can rely on one shape.
/// </summary>
public static class ApiProblem
{
    public static ProblemHttpResult Create(int status, string code, string title, string? detail = null) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = $"https://payung.go.id/problems/{code}",
            Extensions = { ["code"] = code },
        });

    public static ProblemHttpResult NotFound(string code, string title, string? detail = null) =>
        Create(StatusCodes.Status404NotFound, code, title, detail);

    public static ProblemHttpResult BadRequest(string code, string title, string? detail = null) =>
        Create(StatusCodes.Status400BadRequest, code, title, detail);

    /// <summary>A request whose shape is wrong, with the broken fields listed like ASP.NET's own validation.</summary>
    public static ValidationProblem Validation(string code, IDictionary<string, string[]> errors, string title = "Permintaan tidak valid.") =>
        TypedResults.ValidationProblem(errors, title: title, type: $"https://payung.go.id/problems/{code}",
            extensions: new Dictionary<string, object?> { ["code"] = code });
}
