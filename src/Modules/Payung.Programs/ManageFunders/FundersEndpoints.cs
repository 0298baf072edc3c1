using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;

namespace Payung.Programs.ManageFunders;

/// <summary><c>GET /api/v1/funders</c> (in scope) and <c>POST /api/v1/funders</c>: 400 per field, 422 <c>region.out_of_scope</c>.</summary>
internal static class FundersEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/funders", ListAsync)
            .RequireAuthorization(Permissions.ReadPrograms)
            .WithTags("Program")
            .WithName("ListFunders")
            .WithSummary("Daftar pemberi dana dalam wilayah Anda.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPost("/funders", CreateAsync)
            .RequireAuthorization(Permissions.ManagePrograms)
            .WithTags("Program")
            .WithName("CreateFunder")
            .WithSummary("Catat pemberi dana (pemerintah daerah, pemerintah desa atau perusahaan CSR).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<IReadOnlyList<FunderResponse>>> ListAsync(ListFunders listFunders, CancellationToken ct) =>
        TypedResults.Ok(await listFunders.ExecuteAsync(ct));

    private static async Task<Results<Created<FunderResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateFunderRequest? request, CreateFunder createFunder, CancellationToken ct)
    {
        var outcome = await createFunder.ExecuteAsync(request, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Refusal.IsValidation ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        }

        return TypedResults.Created($"/api/v1/funders/{outcome.Value.Id}", outcome.Value);
    }
}
