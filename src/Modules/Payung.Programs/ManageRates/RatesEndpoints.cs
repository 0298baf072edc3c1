using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;

namespace Payung.Programs.ManageRates;

/// <summary>
/// <c>GET /api/v1/rates</c>: every version of the rate tables (any signed-in role; rates are no personal data).
/// <c>POST /api/v1/rates</c>: a new contribution-rate version (national administrators): 201, 400 per field,
/// 422 <c>rates.backdated</c>, 409 <c>rates.overlapping</c>. <c>PUT /api/v1/rates/funding-sources/{code}</c>: a funding
/// source's discount setting: 200, 400, 404 <c>funding_source.not_found</c>.
/// </summary>
internal static class RatesEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/rates").WithTags("Tarif");
        group.MapGet("/", async (ListRates list, CancellationToken ct) => TypedResults.Ok(await list.ExecuteAsync(ct)))
            .RequireAuthorization(Permissions.ReadPrograms)
            .WithName("ListRates")
            .WithSummary("Semua versi tarif iuran, batas dasar upah, potongan iuran dan pengaturan sumber dana.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/", AddAsync)
            .RequireAuthorization(Permissions.ManageRates)
            .WithName("AddContributionRate")
            .WithSummary("Tambah versi tarif iuran; versi terbuka sebelumnya berakhir sebulan sebelum versi baru berlaku.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/funding-sources/{code}", SetDiscountAsync)
            .RequireAuthorization(Permissions.ManageRates)
            .WithName("SetFundingSourceDiscount")
            .WithSummary("Atur apakah potongan iuran berlaku untuk dana dari sumber ini, beserta asumsinya.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Created<ContributionRateResponse>, ValidationProblem, ProblemHttpResult>> AddAsync(
        AddContributionRateRequest? request, AddContributionRate add, CancellationToken ct)
    {
        var outcome = await add.ExecuteAsync(request, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Refusal.IsValidation ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        }

        return TypedResults.Created("/api/v1/rates", outcome.Value);
    }

    private static async Task<Results<Ok<FundingSourceResponse>, ValidationProblem, ProblemHttpResult>> SetDiscountAsync(
        string code, SetFundingSourceDiscountRequest? request, SetFundingSourceDiscount set, CancellationToken ct)
    {
        var outcome = await set.ExecuteAsync(code, request, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Refusal.IsValidation ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        }

        return TypedResults.Ok(outcome.Value);
    }
}
