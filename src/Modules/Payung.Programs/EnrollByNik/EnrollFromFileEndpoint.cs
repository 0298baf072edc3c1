using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;
using Payung.Infrastructure.Spreadsheets;

namespace Payung.Programs.EnrollByNik;

/// <summary>
/// <c>POST /api/v1/programmes/{id}/enrollments/import</c> (multipart, field <c>file</c>: .xlsx or UTF-8 .csv with a
/// "NIK" column and an optional "Tanggal terdaftar BPJS" column, at most 2 MB and 1,000 rows; optional field
/// <c>membershipStart</c> for the rows without a day of their own): 200 with a verdict per row. A refused file answers the import's
/// ProblemDetails (<c>import.not_a_spreadsheet</c> 415, <c>import.too_large</c>/<c>import.too_many_rows</c> 413,
/// <c>import.empty</c>, <c>import.headers_missing</c>, <c>import.formula_not_allowed</c>, <c>nik.excel_float</c> 422)
/// and changes nothing; 404 <c>programme.not_found</c> (also outside the scope), 422 <c>programme.not_active</c>.
/// </summary>
internal static class EnrollFromFileEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/programmes/{id:guid}/enrollments/import", ImportAsync)
            .RequireAuthorization(Permissions.WritePersonalData)
            // Cookies are SameSite=Strict and API keys are headers: no cross-site form can reach this.
            .DisableAntiforgery()
            .WithTags("Kepesertaan")
            .WithName("EnrollWorkersFromFile")
            .WithSummary("Daftarkan pekerja dari berkas .xlsx atau .csv berkolom NIK; tiap baris mendapat putusan dan alasannya.")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<EnrollByNikResponse>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        Guid id, HttpRequest request, EnrollFromFile enrollFromFile, CancellationToken ct)
    {
        UploadedFile? file;
        IFormCollection? form;
        try
        {
            (file, form) = await ImportUpload.ReadAsync(request, EnrollFromFile.Limits, ct);
        }
        catch (ImportRefusedException e)
        {
            return ImportUpload.Refused(e);
        }

        if (file is null)
        {
            return ApiProblem.Validation(Refusal.InvalidRequest, new Dictionary<string, string[]>
            {
                ["file"] = ["Kirim berkas .xlsx atau .csv berkolom NIK sebagai multipart/form-data di kolom 'file'."],
            });
        }

        // The form field membershipStart (yyyy-MM-dd) is the day for rows without their own "Tanggal terdaftar BPJS".
        var outcome = await enrollFromFile.ExecuteAsync(id, file.Content, ct, form?["membershipStart"].FirstOrDefault());
        if (!outcome.Succeeded)
        {
            return outcome.Refusal.IsValidation ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        }

        return TypedResults.Ok(outcome.Value);
    }
}
