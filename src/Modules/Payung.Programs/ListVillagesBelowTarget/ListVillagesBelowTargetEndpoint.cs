using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;

namespace Payung.Programs.ListVillagesBelowTarget;

/// <summary><c>GET /api/v1/programmes/{id}/villages-below-target</c>: the programme page's list, 404 outside the scope.</summary>
internal static class ListVillagesBelowTargetEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/programmes/{id:guid}/villages-below-target", HandleAsync)
            .WithTags("Program")
            .RequireAuthorization(Permissions.ReadPrograms)
            .WithName("ListVillagesBelowTarget")
            .WithSummary("Desa yang pesertanya belum mencapai target per desa program, dengan kekurangannya.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<VillagesBelowTarget>, ProblemHttpResult>> HandleAsync(
        Guid id, int? page, int? pageSize, ListVillagesBelowTarget list, CancellationToken ct)
    {
        var outcome = await list.ExecuteAsync(id, page ?? 1, pageSize ?? ListVillagesBelowTarget.DefaultPageSize, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Refusal.ToProblem();
    }
}
