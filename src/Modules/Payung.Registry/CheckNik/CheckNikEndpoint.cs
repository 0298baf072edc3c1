using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.Registry.CheckNik;

public sealed record CheckNikRequest(string? Nik, string? BirthDate, string? Sex);

public sealed record CheckNikResponse(
    bool Valid,
    IReadOnlyList<RuleMessage> Errors,
    IReadOnlyList<RuleMessage> Warnings,
    string? BirthDate,
    string? Sex,
    string? DistrictCode);

/// <summary>
/// Public NIK check: structure, region, encoded birth date and sex, serial. A malformed NIK is
/// <c>valid: false</c> with one error per broken rule; a disagreement with what the person declared
/// is only a warning, because a NIK is never reissued when the registered birth date was wrong.
/// </summary>
internal static class CheckNikEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/nik/check", Handle)
            .WithTags("NIK")
            .WithName("CheckNik")
            .WithSummary("Periksa NIK: panjang, kode wilayah, tanggal lahir dan jenis kelamin yang tersandi, nomor urut.")
            .ProducesValidationProblem()
            .AllowAnonymous();

    private static Results<Ok<CheckNikResponse>, ValidationProblem> Handle(
        CheckNikRequest? request, IRegionCodeLookup regions, BusinessCalendar calendar)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            return ApiProblem.Validation("request.invalid",
                new Dictionary<string, string[]> { ["body"] = ["Isi permintaan wajib berupa JSON { \"nik\": \"...\" }."] });
        }

        if (request.Nik is null)
        {
            errors["nik"] = ["NIK wajib diisi."];
        }
        else if (request.Nik.Length > 64)
        {
            errors["nik"] = ["NIK terlalu panjang."];
        }

        DateOnly? birthDate = null;
        if (!string.IsNullOrWhiteSpace(request.BirthDate))
        {
            if (DateOnly.TryParseExact(request.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                birthDate = d;
            }
            else
            {
                errors["birthDate"] = ["Tanggal lahir harus berformat yyyy-MM-dd."];
            }
        }

        Sex? sex = null;
        if (!string.IsNullOrEmpty(request.Sex))
        {
            if (Sex.TryFromCode(request.Sex, out var declared))
            {
                sex = declared;
            }
            else
            {
                errors["sex"] = ["Jenis kelamin harus \"M\" (laki-laki) atau \"F\" (perempuan)."];
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblem.Validation("request.invalid", errors);
        }

        var result = NikRules.Check(request.Nik, calendar.Today(), birthDate, sex, regions);
        return TypedResults.Ok(new CheckNikResponse(
            result.Valid,
            result.Errors,
            result.Warnings,
            result.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            result.Sex?.ToCode(),
            result.DistrictCode?.Value));
    }
}
