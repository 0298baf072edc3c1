using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;
using Payung.Registry.RegisterWorker;

namespace Payung.Registry.ReviewDuplicates;

/// <summary>
/// <c>/api/v1/workers/duplicates</c>: the review queue of likely duplicates. A candidate whose workers are not both
/// in the caller's scope answers 404 <c>duplicate.not_found</c>, like one that never existed.
/// </summary>
internal static class DuplicatesEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var duplicates = api.MapGroup("/workers/duplicates")
            .WithTags("Duplikat pekerja")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        duplicates.MapGet("", ListAsync)
            .RequireAuthorization(Permissions.ReadPersonalData)
            .WithName("ListDuplicateCandidates")
            .WithSummary("Kandidat duplikat dalam wilayah Anda (status open, merged atau dismissed), dengan buktinya.")
            .ProducesValidationProblem();
        duplicates.MapGet("/{id:guid}", GetAsync)
            .RequireAuthorization(Permissions.ReadPersonalData)
            .WithName("GetDuplicateCandidate")
            .WithSummary("Satu kandidat duplikat: kedua pekerja berdampingan. Tampilan dicatat dalam log audit.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        duplicates.MapPost("/{id:guid}/merge", MergeAsync)
            .RequireAuthorization(Permissions.WritePersonalData)
            .WithName("MergeDuplicate")
            .WithSummary("Gabungkan: pekerja survivorId dipertahankan, yang lain menunjuk kepadanya; isian kosong dilengkapi.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        duplicates.MapPost("/{id:guid}/dismiss", DismissAsync)
            .RequireAuthorization(Permissions.WritePersonalData)
            .WithName("DismissDuplicate")
            .WithSummary("Tolak: kedua pekerja adalah dua orang berbeda. Isi opsional: { note }.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<Paged<DuplicateCandidateResponse>>, ValidationProblem>> ListAsync(
        string? status, Guid? workerId, int? page, int? pageSize, ListDuplicateCandidates list, CancellationToken ct)
    {
        var outcome = await list.ExecuteAsync(new ListDuplicateCandidatesRequest(status, workerId, page, pageSize), ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Refusal.ToValidationProblem();
    }

    private static async Task<Results<Ok<DuplicateCandidateResponse>, ProblemHttpResult>> GetAsync(
        Guid id, GetDuplicateCandidate get, CancellationToken ct)
    {
        var outcome = await get.ExecuteAsync(id, "api", ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Refusal.ToProblem();
    }

    private static async Task<Results<Ok<MergeResult>, ValidationProblem, ProblemHttpResult>> MergeAsync(
        Guid id, MergeDuplicateRequest? request, MergeDuplicate merge, CancellationToken ct)
    {
        var outcome = await merge.ExecuteAsync(id, request, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Refusal.IsValidation ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        }

        return TypedResults.Ok(outcome.Value);
    }

    // The note is optional and most dismissals send no body at all. An inferred JSON body would make routing
    // pass over this endpoint for a request without a JSON content type (answered by the API's 404 fallback),
    // so the body is read here, only when there is one.
    private static async Task<Results<Ok<DuplicateCandidateResponse>, ValidationProblem, ProblemHttpResult>> DismissAsync(
        Guid id, HttpRequest http, DismissDuplicate dismiss, CancellationToken ct)
    {
        DismissDuplicateRequest? request = null;
        if (http.HasJsonContentType())
        {
            try
            {
                request = await http.ReadFromJsonAsync<DismissDuplicateRequest>(ct);
            }
            catch (JsonException)
            {
                return Refusal.Invalid("body", "Isi permintaan harus JSON { \"note\": \"...\" } atau kosong.").ToValidationProblem();
            }
        }

        var outcome = await dismiss.ExecuteAsync(id, request, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Refusal.IsValidation ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        }

        return TypedResults.Ok(outcome.Value);
    }
}
