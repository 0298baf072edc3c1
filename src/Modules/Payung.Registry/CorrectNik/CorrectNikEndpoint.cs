using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;
using Payung.Registry.GetWorker;

namespace Payung.Registry.CorrectNik;

/// <summary>
/// <c>PUT /api/v1/workers/{nik}/nik</c> (or id) with <c>{ nik, reason }</c>: 404 outside the scope, 400 per field,
/// 409 <c>worker.nik_taken</c> or <c>worker.merged</c>, 422 <c>worker.nik_unchanged</c> or <c>region.out_of_scope</c>.
/// </summary>
internal static class CorrectNikEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/workers/{key}/nik", CorrectAsync)
            .RequireAuthorization(Permissions.WritePersonalData)
            .WithTags("Pekerja")
            .WithName("CorrectNik")
            .WithSummary("Perbaiki NIK yang salah ketik; NIK lama dan alasannya tersimpan di jejak audit.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<Results<Ok<WorkerResponse>, ValidationProblem, ProblemHttpResult>> CorrectAsync(
        string key, CorrectNikRequest? request, CorrectNik correct, CancellationToken ct) =>
        WorkerKey.AnswerAsync(key, parsed => correct.ExecuteAsync(parsed, request, ct));
}
