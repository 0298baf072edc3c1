using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;

namespace Payung.Registry.GetWorker;

/// <summary><c>GET /api/v1/workers/{nik}</c> (or the worker's id): 404 outside the caller's scope, like a NIK never registered.</summary>
internal static class GetWorkerEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/workers/{key}", GetAsync)
            .RequireAuthorization(Permissions.ReadPersonalData)
            .WithTags("Pekerja")
            .WithName("GetWorker")
            .WithSummary("Satu pekerja dalam wilayah Anda, menurut NIK atau id. Setiap tampilan dicatat dalam log audit.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<WorkerResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string key, GetWorker getWorker, CancellationToken ct)
    {
        if (!WorkerKey.TryParse(key, out var parsed))
        {
            return WorkerKey.Malformed.ToValidationProblem();
        }

        var outcome = await getWorker.ExecuteAsync(parsed, "api", ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Refusal.ToProblem();
    }
}
