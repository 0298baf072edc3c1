using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;

namespace Payung.Billing.ReportRetention;

/// <summary><c>GET /retention</c>: aggregates only (no personal data), so every role may read it within its scope.</summary>
internal static class RetentionEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/retention", RetentionAsync)
            .RequireAuthorization(Permissions.ReadPrograms).WithTags("Mandiri").WithName("SelfPaidRetention")
            .WithSummary("Peserta yang melanjutkan iuran secara mandiri dan yang terlindungi oleh pembayar mana pun 1, 3 dan 6 bulan setelah program berakhir, yang meninggal, dan yang mencapai 6 bulan iuran, per desa, kecamatan atau kabupaten.")
            .Produces<RetentionResponse>()
            .ProducesValidationProblem();
    }

    private static Task<IResult> RetentionAsync(string? regency, Guid? programme, string? level, ReportRetention report, CancellationToken ct) =>
        BillingEndpoints.Answer(report.ExecuteAsync(regency, programme, level, ct));
}
