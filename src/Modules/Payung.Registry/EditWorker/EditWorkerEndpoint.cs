using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;
using Payung.Registry.GetWorker;

namespace Payung.Registry.EditWorker;

/// <summary>
/// <c>PUT /api/v1/workers/{nik}</c> (or id): 404 outside the scope, 400 per field, 409 <c>worker.concurrent_edit</c>
/// for a stale <c>version</c>, 409 <c>worker.merged</c>, 422 <c>region.out_of_scope</c> for a move out of reach.
/// </summary>
internal static class EditWorkerEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/workers/{key}", EditAsync)
            .RequireAuthorization(Permissions.WritePersonalData)
            .WithTags("Pekerja")
            .WithName("EditWorker")
            .WithSummary("Ubah data pekerja dalam wilayah Anda. Kirim version dari GET agar perubahan orang lain tidak tertimpa.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<Results<Ok<WorkerResponse>, ValidationProblem, ProblemHttpResult>> EditAsync(
        string key, EditWorkerRequest? request, EditWorker editWorker, CancellationToken ct) =>
        WorkerKey.AnswerAsync(key, parsed => editWorker.ExecuteAsync(parsed, request, ct));
}
