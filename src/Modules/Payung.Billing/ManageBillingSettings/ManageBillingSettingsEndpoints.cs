using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;

namespace Payung.Billing.ManageBillingSettings;

/// <summary>
/// <c>GET /api/v1/billing/settings</c> (everyone signed in), <c>PUT /api/v1/billing/settings/{key}</c> and
/// <c>POST /api/v1/billing/protection-rules</c> (national administrators).
/// </summary>
internal static class ManageBillingSettingsEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/billing/settings", (ManageBillingSettings manage, CancellationToken ct) => BillingEndpoints.Answer(manage.ReadAsync(ct)))
            .RequireAuthorization(Permissions.SignedIn).WithTags("Pengaturan iuran").WithName("BillingSettings")
            .WithSummary("Pengaturan serah terima dan pesan, serta versi aturan perlindungan (jatuh tempo, bulan sampai nonaktif, tunggakan).")
            .Produces<BillingSettingsResponse>();

        api.MapPut("/billing/settings/{key}", (string key, ChangeSettingRequest? request, ManageBillingSettings manage, CancellationToken ct) =>
                BillingEndpoints.Answer(manage.ChangeAsync(key, request, ct)))
            .RequireAuthorization(Permissions.ManageRates).WithTags("Pengaturan iuran").WithName("ChangeBillingSetting")
            .WithSummary("Ubah satu pengaturan (diaudit).")
            .Produces<BillingSettingResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/billing/protection-rules", (AddProtectionRuleRequest? request, ManageBillingSettings manage, CancellationToken ct) =>
                BillingEndpoints.Answer(manage.AddRuleAsync(request, ct)))
            .RequireAuthorization(Permissions.ManageRates).WithTags("Pengaturan iuran").WithName("AddProtectionRule")
            .WithSummary("Tambah versi aturan perlindungan yang berlaku mulai bulan tertentu; versi sebelumnya berakhir sebulan sebelumnya.")
            .Produces<ProtectionRuleResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
