using Microsoft.AspNetCore.Http.HttpResults;
using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.Regions;

/// <summary>The answers every region endpoint gives for a code it cannot use.</summary>
internal static class RegionRequest
{
    public static RegionCode? ParseCode(string? code) => RegionCode.TryParse(code, out var parsed) ? parsed : null;

    public static ProblemHttpResult MalformedCode(string code) =>
        ApiProblem.BadRequest("region.code_invalid", "Kode wilayah tidak valid.",
            $"'{Truncate(code)}' bukan kode wilayah Kemendagri (contoh: 18, 18.01, 18.01.06, 18.01.06.2001).");

    public static ProblemHttpResult UnknownCode(string code) =>
        ApiProblem.NotFound("region.not_found", "Wilayah tidak ditemukan.", $"Tidak ada wilayah dengan kode {code}.");

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
