using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;
using Payung.Infrastructure;

namespace Payung.Programs.EnrollWorkers;

/// <summary>
/// <c>POST /api/v1/programmes/{id}/enrollments</c> (workerIds or filter): 200 with a verdict per candidate, 400 per field,
/// 404 <c>programme.not_found</c> (also outside the scope), 422 <c>programme.not_active</c>.
/// <c>GET /api/v1/programmes/{id}/enrollments?status=&amp;page=</c> lists them within the scope.
/// </summary>
internal static class EnrollWorkersEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/programmes/{id:guid}/enrollments", EnrollAsync)
            .RequireAuthorization(Permissions.WritePersonalData)
            .WithTags("Kepesertaan")
            .WithName("EnrollWorkers")
            .WithSummary("Daftarkan pekerja ke program (per orang atau per filter wilayah); tiap calon mendapat putusan dan alasannya.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/programmes/{id:guid}/enrollments", ListAsync)
            .RequireAuthorization(Permissions.ReadPersonalData)
            .WithTags("Kepesertaan")
            .WithName("ListEnrollments")
            .WithSummary("Peserta program dalam wilayah Anda, per status dan halaman (50 per halaman).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<EnrollWorkersResponse>, ValidationProblem, ProblemHttpResult>> EnrollAsync(
        Guid id, EnrollWorkersRequest? request, EnrollWorkers enrollWorkers, CancellationToken ct)
    {
        var outcome = await enrollWorkers.ExecuteAsync(id, request, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Refusal.IsValidation ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        }

        return TypedResults.Ok(outcome.Value);
    }

    private static async Task<Results<Ok<Paged<EnrollmentSummary>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid id, string? status, int? page, ListEnrollments listEnrollments, CancellationToken ct)
    {
        var outcome = await listEnrollments.ExecuteAsync(id, status, page, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Refusal.IsValidation ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        }

        return TypedResults.Ok(outcome.Value);
    }
}
