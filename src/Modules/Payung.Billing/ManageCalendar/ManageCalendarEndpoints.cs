using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;

namespace Payung.Billing.ManageCalendar;

/// <summary>
/// <c>GET /api/v1/calendar/{year}</c> (everyone signed in): the year's holidays and collective leave days and whether
/// its decree is entered; <c>PUT /api/v1/calendar/{year}</c> (national administrators): enter or replace the year.
/// </summary>
internal static class ManageCalendarEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/calendar/{year:int}", (int year, ManageCalendar manage, CancellationToken ct) => BillingEndpoints.Answer(manage.ReadAsync(year, ct)))
            .RequireAuthorization(Permissions.SignedIn).WithTags("Pengaturan iuran").WithName("CalendarYear")
            .WithSummary("Hari libur nasional dan cuti bersama satu tahun: dasar jatuh tempo pada hari kerja.")
            .Produces<CalendarYearResponse>().ProducesValidationProblem();

        api.MapPut("/calendar/{year:int}", (int year, CalendarYearRequest? request, ManageCalendar manage, CancellationToken ct) =>
                BillingEndpoints.Answer(manage.PutAsync(year, request, ct)))
            .RequireAuthorization(Permissions.ManageRates).WithTags("Pengaturan iuran").WithName("PutCalendarYear")
            .WithSummary("Masukkan atau ganti hari libur dan cuti bersama satu tahun menurut SKB-nya (diaudit).")
            .Produces<CalendarYearResponse>().ProducesValidationProblem();
    }
}
