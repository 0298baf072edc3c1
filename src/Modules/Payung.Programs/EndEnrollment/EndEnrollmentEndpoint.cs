using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;

namespace Payung.Programs.EndEnrollment;

/// <summary>
/// <c>POST /api/v1/enrollments/{id}/end</c> with <c>{ reason, lastMonth }</c>: 200 with the released amount and any
/// promoted waiting enrolment, 400 per field, 404 <c>enrollment.not_found</c> (also outside the scope),
/// 409 <c>enrollment.already_ended</c>.
/// </summary>
internal static class EndEnrollmentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/enrollments/{id:guid}/end", EndAsync)
            .RequireAuthorization(Permissions.WritePersonalData)
            .WithTags("Kepesertaan")
            .WithName("EndEnrollment")
            .WithSummary("Akhiri kepesertaan lebih awal; bulan sesudah bulan terakhir dilepas dari komitmen anggaran.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<EndEnrollmentResponse>, ValidationProblem, ProblemHttpResult>> EndAsync(
        Guid id, EndEnrollmentRequest? request, EndEnrollment endEnrollment, CancellationToken ct)
    {
        var outcome = await endEnrollment.ExecuteAsync(id, request, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Refusal.IsValidation ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        }

        return TypedResults.Ok(outcome.Value);
    }
}
