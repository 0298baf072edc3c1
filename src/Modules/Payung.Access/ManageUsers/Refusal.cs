using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Payung.Infrastructure;

namespace Payung.Access.ManageUsers;

/// <summary>
/// Why a user or API key request was refused: the status and stable English code for the API, the
/// Indonesian title for people, and for a malformed request (400) the fields at fault under the names
/// the API uses (<c>username</c>, <c>scopeCode</c>, …), which the pages use as form field names too.
/// </summary>
public sealed record Refusal(int Status, string Code, string Title, string? Detail = null,
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public const string InvalidRequest = "request.invalid";

    public bool IsValidation => Errors is not null;

    public static Refusal Invalid(IDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, InvalidRequest, "Permintaan tidak valid.", null,
            new Dictionary<string, string[]>(errors));

    public static Refusal Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Refusal NotFound(string code, string title) => new(StatusCodes.Status404NotFound, code, title);

    public static Refusal Forbidden(string code, string title) => new(StatusCodes.Status403Forbidden, code, title);

    public static Refusal Conflict(string code, string title, string? detail = null) =>
        new(StatusCodes.Status409Conflict, code, title, detail);

    public static Refusal Rule(string code, string title, string? detail = null) =>
        new(StatusCodes.Status422UnprocessableEntity, code, title, detail);

    public ProblemHttpResult ToProblem() => ApiProblem.Create(Status, Code, Title, Detail);

    public ValidationProblem ToValidationProblem() =>
        ApiProblem.Validation(Code, new Dictionary<string, string[]>(Errors ?? new Dictionary<string, string[]>()), Title);

    /// <summary>The messages for a form: one per broken field, or the title and detail under the empty key.</summary>
    public IEnumerable<(string Field, string Message)> Messages() =>
        Errors is { } errors
            ? errors.SelectMany(e => e.Value.Select(m => (e.Key, m)))
            : [("", Detail is null ? Title : $"{Title} {Detail}")];
}
