using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Regions.Contracts;

namespace Payung.Regions.ListChildRegions;

internal static class ListChildRegionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/regions/{code}/children", HandleAsync)
            .WithTags("Wilayah")
            .WithName("ListChildRegions")
            .WithSummary("Wilayah satu tingkat di bawah kode yang diberikan (provinsi → kabupaten/kota → kecamatan → desa/kelurahan).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<IReadOnlyList<RegionInfo>>, ProblemHttpResult>> HandleAsync(
        string code, IRegionDirectory regions, CancellationToken ct)
    {
        if (RegionRequest.ParseCode(code) is not { } regionCode)
        {
            return RegionRequest.MalformedCode(code);
        }

        if (await regions.FindAsync(regionCode, ct) is null)
        {
            return RegionRequest.UnknownCode(regionCode.Value);
        }

        return TypedResults.Ok(await regions.ChildrenAsync(regionCode, ct));
    }
}
