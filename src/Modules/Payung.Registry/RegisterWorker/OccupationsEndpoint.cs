using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;

namespace Payung.Registry.RegisterWorker;

/// <summary><c>GET /api/v1/occupations</c>: reference data, no personal data, for any signed-in caller.</summary>
internal static class OccupationsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/occupations", ListAsync)
            .RequireAuthorization(Permissions.SignedIn)
            .WithTags("Pekerja")
            .WithName("ListOccupations")
            .WithSummary("Daftar pekerjaan yang dapat dipilih untuk pekerja.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<Ok<IReadOnlyList<OccupationResponse>>> ListAsync(ListOccupations listOccupations, CancellationToken ct) =>
        TypedResults.Ok(await listOccupations.ExecuteAsync(ct));
}
