using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;
using Payung.Access.ManageUsers;

namespace Payung.Access.ManageApiKeys;

/// <summary><c>/api/v1/api-keys</c>: issue (the key is in that one answer only), list and revoke.</summary>
internal static class ApiKeysEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var keys = api.MapGroup("/api-keys")
            .RequireAuthorization(Permissions.ManageUsers)
            .WithTags("Kunci API")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        keys.MapGet("", ListAsync)
            .WithName("ListApiKeys")
            .WithSummary("Kunci API dalam wilayah Anda; yang masih berlaku lebih dulu.")
            .ProducesValidationProblem();
        keys.MapPost("", CreateAsync)
            .WithName("CreateApiKey")
            .WithSummary("Terbitkan kunci API. Kunci lengkap hanya ada dalam jawaban ini: simpan segera.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        keys.MapDelete("/{id:guid}", RevokeAsync)
            .WithName("RevokeApiKey")
            .WithSummary("Cabut kunci API; mencabut dua kali tidak mengubah apa pun.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Results<Ok<Paged<ApiKeyResponse>>, ValidationProblem>> ListAsync(
        int? page, int? pageSize, ListApiKeys listKeys, CancellationToken ct)
    {
        var outcome = await listKeys.ExecuteAsync(page, pageSize, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Refusal.ToValidationProblem();
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateApiKeyRequest? request, CreateApiKey createKey, HttpContext http, CancellationToken ct)
    {
        var outcome = await createKey.ExecuteAsync(request, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Refusal.IsValidation ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        }

        // The secret must not linger in any cache between here and the client.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created((string?)null, outcome.Value);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, RevokeApiKey revokeKey, CancellationToken ct)
    {
        var refusal = await revokeKey.ExecuteAsync(id, ct);
        return refusal is null ? TypedResults.NoContent() : refusal.ToProblem();
    }
}
