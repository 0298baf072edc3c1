using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Infrastructure;
using Payung.Regions.Contracts;

namespace Payung.Regions.SearchRegions;

internal static class SearchRegionsEndpoint
{
    private const int DefaultLimit = 20;
    private const int MaxLimit = 100;
    private static readonly string[] Levels = ["province", "regency", "district", "village"];

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/regions", HandleAsync)
            .WithTags("Wilayah")
            .WithName("SearchRegions")
            .WithSummary("Cari wilayah menurut nama; tanpa q mengembalikan daftar provinsi.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<IReadOnlyList<RegionInfo>>, ValidationProblem>> HandleAsync(
        string? q, string? level, int? limit, IRegionDirectory regions, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var term = q?.Trim() ?? "";
        if (q is not null && term.Length < 2)
        {
            errors["q"] = ["Kata pencarian minimal 2 huruf."];
        }
        else if (term.Length > 100)
        {
            errors["q"] = ["Kata pencarian maksimal 100 huruf."];
        }

        if (level is not null && !Levels.Contains(level))
        {
            errors["level"] = ["Tingkat wilayah harus salah satu dari province, regency, district, village."];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"Batas hasil harus antara 1 dan {MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            return ApiProblem.Validation("request.invalid", errors);
        }

        if (q is null)
        {
            return TypedResults.Ok(await regions.ChildrenAsync(null, ct));
        }

        return TypedResults.Ok(await regions.SearchAsync(term, level, limit ?? DefaultLimit, ct));
    }
}
