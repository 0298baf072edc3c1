using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Payung.Access.Contracts;
using Payung.Infrastructure.Jobs;
using Payung.Infrastructure.Spreadsheets;

namespace Payung.Billing.ImportStatements;

/// <summary>
/// <c>POST /statements</c> (multipart: <c>file</c>) answers 202 with the job; <c>GET /statements/{id}</c> its status and
/// counts, <c>/rows?verdict=&amp;page=</c> the verdicts, <c>/errors.xlsx</c> the rows to fix; <c>GET /statements/template</c>
/// the template. A refused file is a ProblemDetails with a stable code (400/413/415/422) and leaves nothing behind. An
/// import outside the caller's scope is 404.
/// </summary>
internal static class ImportStatementsEndpoints
{
    public const string Prefix = "/api/v1/statements";

    public static IServiceCollection AddImportStatements(this IServiceCollection services)
    {
        services.AddScoped<StartStatementImport>();
        services.AddScoped<GetStatementImport>();
        services.AddScoped<ListStatementRows>();
        services.AddJobHandler<ImportStatementJob>(ImportStatementJob.JobKind);
        return services;
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        var statements = api.MapGroup("/statements").WithTags("Impor iuran");

        statements.MapPost("", UploadAsync)
            .RequireAuthorization(Permissions.RecordContributions)
            // Cookies are SameSite=Strict and API keys are headers: no cross-site form can reach this.
            .DisableAntiforgery()
            .WithName("ImportStatement")
            .WithSummary("Unggah laporan iuran/pembayaran (.xlsx atau .csv UTF-8, pemisah ';' atau ','): satu baris per NIK atau KPJ dan bulan; diproses di latar belakang.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ImportAcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        statements.MapGet("/template", Template)
            .RequireAuthorization(Permissions.RecordContributions)
            .WithName("StatementTemplate")
            .WithSummary("Templat laporan iuran: judul kolom dan satu baris contoh.")
            .Produces<Stream>(StatusCodes.Status200OK, ImportWorkbook.ContentType);

        statements.MapGet("/{id:guid}", StatusAsync)
            .RequireAuthorization(Permissions.ReadPersonalData)
            .WithName("GetStatementImport")
            .WithSummary("Status impor laporan iuran: tahap, kemajuan, jumlah per hasil.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        statements.MapGet("/{id:guid}/rows", RowsAsync)
            .RequireAuthorization(Permissions.ReadPersonalData)
            .WithName("ListStatementRows")
            .WithSummary("Baris laporan iuran dengan hasil dan alasannya, 100 per halaman; verdict= menyaring satu hasil.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        statements.MapGet("/{id:guid}/errors.xlsx", ErrorsAsync)
            .RequireAuthorization(Permissions.ReadPersonalData)
            .WithName("StatementErrors")
            .WithSummary("Buku kerja baris yang ditolak atau perlu diperiksa, dengan alasannya; perbaiki lalu unggah ulang.")
            .Produces<Stream>(StatusCodes.Status200OK, ImportWorkbook.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Task<Results<Accepted<ImportAcceptedResponse>, ProblemHttpResult, ValidationProblem>> UploadAsync(
        HttpRequest request, StartStatementImport start, IConfiguration configuration, CancellationToken ct)
    {
        var limits = ImportLimits.WebFrom(configuration);
        return ImportUpload.AcceptAsync(request, limits, Prefix, (file, _) => start.UploadAsync(file.FileName, file.Content, limits, ct), ct);
    }

    private static async Task<Results<Ok<StatementImportStatus>, ProblemHttpResult>> StatusAsync(Guid id, GetStatementImport get, CancellationToken ct) =>
        await get.ExecuteAsync(id, ct) is { } status ? TypedResults.Ok(status) : NotFound();

    private static async Task<Results<Ok<StatementRowPage>, ProblemHttpResult, ValidationProblem>> RowsAsync(
        Guid id, string? verdict, int? page, int? pageSize, ListStatementRows list, CancellationToken ct)
    {
        if (!ImportUpload.TryVerdictFilter(verdict, out var filter, out var problem))
        {
            return problem!;
        }

        return await list.ExecuteAsync(id, filter, page ?? 1, pageSize ?? ListStatementRows.DefaultPageSize, ct) is { } rows
            ? TypedResults.Ok(rows)
            : NotFound();
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ErrorsAsync(Guid id, ListStatementRows list, CancellationToken ct) =>
        await list.CanReadAsync(id, ct)
            ? TypedResults.Stream(output => list.WriteErrorsAsync(id, output, ct), ImportWorkbook.ContentType, $"iuran-{id:N}-perlu-diperbaiki.xlsx")
            : NotFound();

    private static PushStreamHttpResult Template(CancellationToken ct) =>
        TypedResults.Stream(output => StatementTemplate.WriteAsync(output, ct), ImportWorkbook.ContentType, StatementTemplate.FileName);

    private static ProblemHttpResult NotFound() => ApiProblem.NotFound("statement.not_found", "Impor laporan iuran tidak ditemukan.");
}
