using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;

namespace Payung.Programs.ManageProgrammes;

/// <summary>
/// <c>/api/v1/programmes</c>: list and read in scope (another region's programme is 404), create, edit while a draft,
/// activate and close. 400 per field; 409 <c>programme.not_draft</c>/<c>programme.not_active</c>; 422
/// <c>programme.months_invalid</c>, <c>programme.budget_too_small</c>, <c>region.out_of_scope</c>,
/// <c>funder.not_found</c>, <c>funding_source.unknown</c>, <c>programme.funding_source_not_allowed</c>.
/// </summary>
internal static class ProgrammesEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/programmes").WithTags("Program");
        group.MapGet("/", ListAsync)
            .RequireAuthorization(Permissions.ReadPrograms)
            .WithName("ListProgrammes")
            .WithSummary("Daftar program pendanaan dalam wilayah Anda.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/{id:guid}", GetAsync)
            .RequireAuthorization(Permissions.ReadPrograms)
            .WithName("GetProgramme")
            .WithSummary("Rincian program beserta dana yang sudah terikat dan jumlah peserta.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync)
            .RequireAuthorization(Permissions.ManagePrograms)
            .WithName("CreateProgramme")
            .WithSummary("Buat program pendanaan berstatus draf.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:guid}", EditAsync)
            .RequireAuthorization(Permissions.ManagePrograms)
            .WithName("EditProgramme")
            .WithSummary("Ubah program selama masih draf.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/activate", ActivateAsync)
            .RequireAuthorization(Permissions.ManagePrograms)
            .WithName("ActivateProgramme")
            .WithSummary("Aktifkan program draf setelah periode dan pagu diperiksa.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/close", CloseAsync)
            .RequireAuthorization(Permissions.ManagePrograms)
            .WithName("CloseProgramme")
            .WithSummary("Tutup program yang aktif.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<Paged<ProgrammeResponse>>, ValidationProblem>> ListAsync(
        [Description("Part of the programme's name, case-insensitive.")] string? q,
        [Description("A region code: programmes of that region, inside it, or covering it.")] string? region,
        [Description("A funder's id: programmes it funds or co-funds.")] string? funderId,
        [Description("draft, active (coverage still running), ended (last month passed, not closed yet) or closed.")] string? status,
        [Description("The fiscal year.")] int? year,
        int? page, int? pageSize, ListProgrammes list, CancellationToken ct)
    {
        var outcome = await list.ExecuteAsync(new ProgrammeFilter(q, region, funderId, status, year), page ?? 1, pageSize ?? 25, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Refusal.ToValidationProblem();
    }

    private static async Task<Results<Ok<ProgrammeDetailResponse>, ProblemHttpResult>> GetAsync(Guid id, GetProgramme get, CancellationToken ct)
    {
        var outcome = await get.ExecuteAsync(id, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Refusal.ToProblem();
    }

    private static async Task<Results<Created<ProgrammeResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ProgrammeRequest? request, CreateProgramme create, CancellationToken ct)
    {
        var outcome = await create.ExecuteAsync(request, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Refusal.IsValidation ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        }

        return TypedResults.Created($"/api/v1/programmes/{outcome.Value.Id}", outcome.Value);
    }

    private static async Task<Results<Ok<ProgrammeResponse>, ValidationProblem, ProblemHttpResult>> EditAsync(
        Guid id, ProgrammeRequest? request, EditProgramme edit, CancellationToken ct) =>
        Answer(await edit.ExecuteAsync(id, request, ct));

    private static async Task<Results<Ok<ProgrammeResponse>, ValidationProblem, ProblemHttpResult>> ActivateAsync(
        Guid id, ActivateProgramme activate, CancellationToken ct) =>
        Answer(await activate.ExecuteAsync(id, ct));

    private static async Task<Results<Ok<ProgrammeResponse>, ValidationProblem, ProblemHttpResult>> CloseAsync(
        Guid id, CloseProgramme close, CancellationToken ct) =>
        Answer(await close.ExecuteAsync(id, ct));

    private static Results<Ok<ProgrammeResponse>, ValidationProblem, ProblemHttpResult> Answer(Outcome<ProgrammeResponse> outcome) =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value)
        : outcome.Refusal.IsValidation ? outcome.Refusal.ToValidationProblem()
        : outcome.Refusal.ToProblem();
}
