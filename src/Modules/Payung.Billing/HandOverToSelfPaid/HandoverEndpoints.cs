using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;

namespace Payung.Billing.HandOverToSelfPaid;

/// <summary><c>POST /programmes/{id}/handover</c>: the hand-over on demand, answering the list with its counts.</summary>
internal static class HandoverEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/programmes/{id:guid}/handover", HandoverAsync)
            .RequireAuthorization(Permissions.ManagePrograms).WithTags("Mandiri").WithName("HandOverToSelfPaid")
            .WithSummary("Daftar peserta yang subsidinya berakhir bersama program dan antrekan satu pesan per peserta (idempoten).")
            .Produces<HandoverResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static Task<IResult> HandoverAsync(Guid id, HandOverToSelfPaid handover, CancellationToken ct) =>
        BillingEndpoints.Answer(handover.ExecuteAsync(id, ct));
}
