using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Payung.Shared;

namespace Payung.Infrastructure;

/// <summary>
/// Why a request was refused: the status and stable English code for the API, the Indonesian title
/// for people, and for a malformed request (400) the broken rules per field under the names the API uses
/// (<c>nik</c>, <c>username</c>, …), which the pages use as form field names too.
/// </summary>
public sealed record Refusal(int Status, string Code, string Title, string? Detail = null,
    IReadOnlyDictionary<string, RuleMessage[]>? Errors = null, IReadOnlyDictionary<string, object?>? Extensions = null)
{
    public const string InvalidRequest = "request.invalid";

    private const string ProblemBase = "https://payung.go.id/problems/";

    public bool IsValidation => Errors is not null;

    public static Refusal Invalid(IDictionary<string, List<RuleMessage>> errors) =>
        new(StatusCodes.Status400BadRequest, InvalidRequest, "Permintaan tidak valid.", null,
            errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    /// <summary>Shape errors given as plain messages per field; each is coded <c>request.invalid</c>.</summary>
    public static Refusal Invalid(IDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, InvalidRequest, "Permintaan tidak valid.", null,
            errors.ToDictionary(e => e.Key, e => e.Value.Select(m => new RuleMessage(InvalidRequest, m)).ToArray()));

    /// <summary>A shape error outside the worker rules (paging, search terms); its code is the request's own.</summary>
    public static Refusal Invalid(string field, string message) =>
        Invalid(new Dictionary<string, List<RuleMessage>> { [field] = [new RuleMessage(InvalidRequest, message)] });

    public static Refusal NotFound(string code, string title) => new(StatusCodes.Status404NotFound, code, title);

    public static Refusal Forbidden(string code, string title) => new(StatusCodes.Status403Forbidden, code, title);

    public static Refusal Conflict(string code, string title, string? detail = null,
        IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(StatusCodes.Status409Conflict, code, title, detail, null, extensions);

    public static Refusal Rule(string code, string title, string? detail = null) =>
        new(StatusCodes.Status422UnprocessableEntity, code, title, detail);

    public ProblemHttpResult ToProblem()
    {
        var problem = new ProblemDetails { Status = Status, Title = Title, Detail = Detail, Type = ProblemBase + Code };
        problem.Extensions["code"] = Code;
        foreach (var (key, value) in Extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>
    /// ASP.NET's validation shape (field → messages) plus <c>rules</c> (field → codes), so a client can react to
    /// <c>nik.region_unknown</c> without reading Indonesian.
    /// </summary>
    public ValidationProblem ToValidationProblem()
    {
        var errors = Errors ?? new Dictionary<string, RuleMessage[]>();
        return TypedResults.ValidationProblem(
            errors.ToDictionary(e => e.Key, e => e.Value.Select(r => r.Message).ToArray()),
            title: Title,
            type: ProblemBase + Code,
            extensions: new Dictionary<string, object?>
            {
                ["code"] = Code,
                ["rules"] = errors.ToDictionary(e => e.Key, e => e.Value.Select(r => r.Code).ToArray()),
            });
    }

    /// <summary>The messages for a form: one per broken rule, or the title and detail under the empty key.</summary>
    public IEnumerable<(string Field, string Message)> Messages() =>
        Errors is { } errors
            ? errors.SelectMany(e => e.Value.Select(r => (e.Key, r.Message)))
            : [("", Detail is null ? Title : $"{Title} {Detail}")];
}
