using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Infrastructure;
using Payung.Regions.Contracts;

namespace Payung.Regions.GetRegion;

internal static class GetRegionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/regions/{code}", HandleAsync)
            .WithTags("Wilayah")
            .WithName("GetRegion")
            .WithSummary("Satu wilayah dengan jumlah kecamatan, desa dan kelurahan di bawahnya.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<RegionInfo>, ProblemHttpResult>> HandleAsync(
        string code, IRegionDirectory regions, CancellationToken ct)
    {
        if (RegionRequest.ParseCode(code) is not { } regionCode)
        {
            return RegionRequest.MalformedCode(code);
        }

        var region = await regions.FindAsync(regionCode, ct);
        return region is null ? RegionRequest.UnknownCode(regionCode.Value) : TypedResults.Ok(region);
    }
}
