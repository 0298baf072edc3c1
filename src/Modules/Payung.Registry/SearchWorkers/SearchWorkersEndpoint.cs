using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;
using Payung.Registry.RegisterWorker;

namespace Payung.Registry.SearchWorkers;

/// <summary><c>GET /api/v1/workers?nik=&amp;q=&amp;village=&amp;occupation=&amp;page=&amp;pageSize=</c> within the caller's scope.</summary>
internal static class SearchWorkersEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/workers", SearchAsync)
            .RequireAuthorization(Permissions.ReadPersonalData)
            .WithTags("Pekerja")
            .WithName("SearchWorkers")
            .WithSummary("Cari pekerja dalam wilayah Anda: NIK tepat, nama mirip, wilayah, pekerjaan; per halaman (maks. 100).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Results<Ok<Paged<WorkerSummary>>, ValidationProblem>> SearchAsync(
        string? nik, string? q, string? village, string? occupation, int? page, int? pageSize,
        SearchWorkers searchWorkers, CancellationToken ct)
    {
        var outcome = await searchWorkers.ExecuteAsync(new SearchWorkersRequest(nik, q, village, occupation, page, pageSize), ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Refusal.ToValidationProblem();
    }
}
