using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;

namespace Payung.Billing.NotifyParticipants;

/// <summary>The outbox: <c>GET /notifications</c> within the caller's scope and the providers' delivery reports.</summary>
internal static class NotificationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/notifications", ListAsync)
            .RequireAuthorization(Permissions.ReadPersonalData).WithTags("Pesan").WithName("ListNotifications")
            .WithSummary("Pesan kepada peserta (alih ke mandiri, pengingat iuran) dalam wilayah Anda dengan status pengirimannya, 50 per halaman.")
            .Produces<Payung.Infrastructure.Paged<NotificationResponse>>()
            .ProducesValidationProblem();

        // A gateway reports with an API key of an operator who may manage programmes in the message's region, and must
        // name the reference it returned when it accepted the message.
        api.MapPost("/notifications/{id:guid}/status", StatusAsync)
            .RequireAuthorization(Permissions.ManagePrograms).WithTags("Pesan").WithName("RecordDeliveryStatus")
            .WithSummary("Laporan penyedia: pesan terkirim ke penerima (delivered) atau gagal (failed, dicoba lagi selama batas percobaan).")
            .Produces<DeliveryStatusResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static Task<IResult> ListAsync(string? kind, string? status, Guid? programme, Guid? worker, int? page,
        ListNotifications list, CancellationToken ct) =>
        BillingEndpoints.Answer(list.ExecuteAsync(kind, status, programme, worker, page, ct));

    private static Task<IResult> StatusAsync(Guid id, DeliveryStatusRequest? request, RecordDeliveryStatus record, CancellationToken ct) =>
        BillingEndpoints.Answer(record.ExecuteAsync(id, request, ct));
}
