using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;
using Payung.Registry.GetWorker;

namespace Payung.Registry.RegisterWorker;

/// <summary>
/// <c>POST /api/v1/workers</c>: 201 with the worker's address by id (a NIK in a Location header would end up in
/// every proxy log). 400 per field, 409 <c>worker.nik_taken</c>, 422 <c>region.out_of_scope</c>.
/// </summary>
internal static class RegisterWorkerEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/workers", RegisterAsync)
            .RequireAuthorization(Permissions.WritePersonalData)
            .WithTags("Pekerja")
            .WithName("RegisterWorker")
            .WithSummary("Daftarkan pekerja di desa/kelurahan dalam wilayah Anda. Peringatan NIK disimpan untuk ditinjau.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<WorkerResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterWorkerRequest? request, RegisterWorker registerWorker, CancellationToken ct)
    {
        var outcome = await registerWorker.ExecuteAsync(request, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Refusal.IsValidation ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        }

        return TypedResults.Created($"/api/v1/workers/{outcome.Value.Id}", outcome.Value);
    }
}
