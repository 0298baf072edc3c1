using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Infrastructure;

namespace Payung.Programs.EstimateBudget;

/// <summary>
/// <c>POST /api/v1/budget/estimate</c>: public, because a funder plans its budget line before anyone signs in,
/// and the answer holds no personal data. 400 <c>request.invalid</c> per field.
/// </summary>
internal static class EstimateBudgetEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/budget/estimate", EstimateAsync)
            .AllowAnonymous()
            .WithTags("Anggaran")
            .WithName("EstimateBudget")
            .WithSummary("Perkiraan biaya iuran per peserta, per bulan dan total, serta berapa yang tertanggung oleh anggaran.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<EstimateBudgetResponse>, ValidationProblem>> EstimateAsync(
        EstimateBudgetRequest? request, EstimateBudget estimateBudget, CancellationToken ct)
    {
        var outcome = await estimateBudget.ExecuteAsync(request, ct);
        return outcome.Estimate is { } estimate
            ? TypedResults.Ok(estimate)
            : ApiProblem.Validation("request.invalid", outcome.Errors.ToDictionary());
    }
}
