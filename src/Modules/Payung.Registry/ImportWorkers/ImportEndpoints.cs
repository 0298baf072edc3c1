using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Payung.Access.Contracts;
using Payung.Infrastructure;

namespace Payung.Registry.ImportWorkers;

/// <summary>
/// <c>POST /imports/workers</c> (multipart: <c>file</c>, optional <c>village</c>) answers 202 with the job;
/// <c>GET /imports/{id}</c> its status and counts, <c>/rows</c> the verdicts, <c>/errors.xlsx</c> the rows to
/// fix; <c>GET /imports/workers/template.xlsx</c> the template. A refused file is a ProblemDetails with a
/// stable code (400/413/415/422) and leaves nothing behind. An import outside the caller's scope is 404.
/// </summary>
internal static class ImportEndpoints
{
    public const string Prefix = "/api/v1/imports";

    public static void Map(IEndpointRouteBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Impor");

        imports.MapPost("/workers", UploadAsync)
            .RequireAuthorization(Permissions.WritePersonalData)
            // Cookies are SameSite=Strict and API keys are headers: no cross-site form can reach this.
            .DisableAntiforgery()
            .WithName("ImportWorkers")
            .WithSummary("Unggah berkas .xlsx atau .csv (UTF-8, pemisah ';' atau ',') berisi pekerja; diproses di latar belakang.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ImportAcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        imports.MapGet("/workers/template.xlsx", TemplateAsync)
            .RequireAuthorization(Permissions.WritePersonalData)
            .WithName("WorkerImportTemplate")
            .WithSummary("Templat impor pekerja: judul kolom dan satu baris contoh.")
            .Produces<Stream>(StatusCodes.Status200OK, ImportWorkbook.ContentType);

        imports.MapGet("/{id:guid}", StatusAsync)
            .RequireAuthorization(Permissions.ReadPersonalData)
            .WithName("GetWorkerImport")
            .WithSummary("Status impor: tahap, kemajuan, jumlah per hasil (created, updated, unchanged, rejected, needs_review).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        imports.MapGet("/{id:guid}/rows", RowsAsync)
            .RequireAuthorization(Permissions.ReadPersonalData)
            .WithName("ListWorkerImportRows")
            .WithSummary("Baris impor dengan hasil dan alasannya; tanpa verdict: baris ditolak dan perlu diperiksa.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        imports.MapGet("/{id:guid}/errors.xlsx", ErrorsAsync)
            .RequireAuthorization(Permissions.ReadPersonalData)
            .WithName("WorkerImportErrors")
            .WithSummary("Buku kerja baris yang ditolak atau perlu diperiksa, dengan alasannya; perbaiki lalu unggah ulang apa adanya.")
            .Produces<Stream>(StatusCodes.Status200OK, ImportWorkbook.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Task<Results<Accepted<ImportAcceptedResponse>, ProblemHttpResult, ValidationProblem>> UploadAsync(
        HttpRequest request, StartWorkerImport start, IConfiguration configuration, CancellationToken ct)
    {
        var limits = ImportLimits.WebFrom(configuration);
        return ImportUpload.AcceptAsync(request, limits, Prefix,
            (file, form) => start.UploadAsync(file.FileName, file.Content, form["village"].FirstOrDefault(), limits, ct), ct);
    }

    private static async Task<Results<Ok<WorkerImportStatus>, ProblemHttpResult>> StatusAsync(Guid id, GetWorkerImport get, CancellationToken ct) =>
        await get.ExecuteAsync(id, ct) is { } status ? TypedResults.Ok(status) : NotFound();

    private static async Task<Results<Ok<ImportRowPage>, ProblemHttpResult, ValidationProblem>> RowsAsync(
        Guid id, string? verdict, int? page, int? pageSize, ListWorkerImportRows list, CancellationToken ct)
    {
        if (!ImportUpload.TryVerdictFilter(verdict, out var filter, out var problem))
        {
            return problem!;
        }

        return await list.ExecuteAsync(id, filter, page ?? 1, pageSize ?? ListWorkerImportRows.DefaultPageSize, ct) is { } rows
            ? TypedResults.Ok(rows)
            : NotFound();
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ErrorsAsync(Guid id, BuildErrorWorkbook build, CancellationToken ct) =>
        await build.CanReadAsync(id, ct)
            ? TypedResults.Stream(output => build.WriteAsync(id, output, ct), ImportWorkbook.ContentType, $"impor-{id:N}-perlu-diperbaiki.xlsx")
            : NotFound();

    private static PushStreamHttpResult TemplateAsync(CancellationToken ct) =>
        TypedResults.Stream(output => ImportTemplate.WriteAsync(output, ct), ImportWorkbook.ContentType, ImportTemplate.FileName);

    private static ProblemHttpResult NotFound() => ApiProblem.NotFound("import.not_found", "Impor tidak ditemukan.");
}
