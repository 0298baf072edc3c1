using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;
using Payung.Billing.CheckProtection;
using Payung.Billing.GenerateMonthlyBills;
using Payung.Billing.RecordPayment;
using Payung.Billing.ReviewBills;
using Payung.Infrastructure.Jobs;
using Payung.Shared;

namespace Payung.Billing;

/// <summary>
/// Billing's API: bills per programme-month (<c>POST /programmes/{id}/bills</c>, <c>POST /billing/runs</c>), the programme's
/// money (<c>GET /programmes/{id}/money</c>), bill lines, payments and their allocation, and protection
/// (<c>GET /workers/{nik}/protection?date=</c>, <c>GET /workers/{nik}/contributions</c>, backdate requests), and self-paid
/// months after a death owed back to the payer (<c>GET /self-paid-refunds</c>, <c>PUT /workers/{nik}/self-paid-refunds/{month}</c>).
/// </summary>
internal static class BillingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/programmes/{id:guid}/bills", GenerateAsync)
            .RequireAuthorization(Permissions.ManagePrograms).WithTags("Tagihan").WithName("GenerateBills")
            .WithSummary("Terbitkan tagihan program untuk satu bulan iuran, atau untuk semua bulan sampai bulan ini (idempoten).")
            .Produces<GenerateBillsResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/programmes/{id:guid}/money", MoneyAsync)
            .RequireAuthorization(Permissions.ReadPrograms).WithTags("Tagihan").WithName("ProgrammeMoney")
            .WithSummary("Pagu, terikat, ditagih, dibayar, pengembalian, sisa, pembayaran belum teralokasi, dan pemeriksaan invarian.")
            .Produces<ProgrammeMoneyResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/bills/{id:guid}/lines", LinesAsync)
            .RequireAuthorization(Permissions.ReadPersonalData).WithTags("Tagihan").WithName("BillLines")
            .WithSummary("Baris tagihan dalam wilayah Anda (peserta, komponen iuran, versi tarif), 100 per halaman.")
            .Produces<Paged<BillLineResponse>>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/billing/runs", RunAsync)
            .RequireAuthorization(Permissions.ManagePrograms).WithTags("Tagihan").WithName("StartBillingRun")
            .WithSummary("Jalankan penagihan semua program dalam wilayah Anda sebagai pekerjaan latar; 202 dengan id pekerjaan.")
            .Produces<BillingRunAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem();

        api.MapGet("/billing/runs/{id:guid}", RunStatusAsync)
            .RequireAuthorization(Permissions.ReadPrograms).WithTags("Tagihan").WithName("BillingRunStatus")
            .WithSummary("Status dan hasil satu penagihan.")
            .Produces<BillingRunStatus>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/programmes/{id:guid}/payments", PayAsync)
            .RequireAuthorization(Permissions.ManagePrograms).WithTags("Pembayaran").WithName("RecordPayment")
            .WithSummary("Catat pembayaran (SP2D atau transfer) dan alokasikan ke tagihan terbuka; sisa tampil sebagai belum teralokasi.")
            .Produces<PaymentResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/programmes/{id:guid}/payments", PaymentsAsync)
            .RequireAuthorization(Permissions.ReadPrograms).WithTags("Pembayaran").WithName("ListPayments")
            .WithSummary("Pembayaran program dengan alokasinya.")
            .Produces<List<PaymentResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/payments/{id:guid}/allocate", AllocateAsync)
            .RequireAuthorization(Permissions.ManagePrograms).WithTags("Pembayaran").WithName("AllocatePayment")
            .WithSummary("Alokasikan sisa pembayaran ke tagihan terbuka (terlama dahulu, atau yang disebut).")
            .Produces<PaymentResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/workers/{nik}/protection", ProtectionAsync)
            .RequireAuthorization(Permissions.ReadPersonalData).WithTags("Perlindungan").WithName("CheckProtection")
            .WithSummary("Apakah NIK terlindungi pada tanggal tertentu, oleh siapa didanai, dan alasannya.")
            .Produces<ProtectionResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/workers/{nik}/contributions", StripAsync)
            .RequireAuthorization(Permissions.ReadPersonalData).WithTags("Perlindungan").WithName("ContributionStrip")
            .WithSummary("Iuran dan perlindungan bulan demi bulan (didanai, dibayar, terlindungi, celah, mandiri).")
            .Produces<ContributionStripResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/workers/{nik}/contributions/{month}/backdate", BackdateAsync)
            .RequireAuthorization(Permissions.RecordContributions).WithTags("Perlindungan").WithName("RecordBackdate")
            .WithSummary("Catat permohonan berlaku surut ke BPJS untuk bulan yang dibayar terlambat: requested, approved, refused.")
            .Produces<LedgerMonth>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/self-paid-refunds", RefundsAsync)
            .RequireAuthorization(Permissions.ReadPersonalData).WithTags("Perlindungan").WithName("ListSelfPaidRefunds")
            .WithSummary("Iuran mandiri untuk bulan setelah kematian yang harus dikembalikan kepada pembayar (owed) atau sudah dikembalikan (refunded).")
            .Produces<Paged<SettleSelfPaidRefunds.SelfPaidRefundResponse>>()
            .ProducesValidationProblem();

        api.MapPut("/workers/{nik}/self-paid-refunds/{month}", RefundedAsync)
            .RequireAuthorization(Permissions.RecordContributions).WithTags("Perlindungan").WithName("MarkSelfPaidRefunded")
            .WithSummary("Catat bahwa iuran mandiri setelah kematian sudah dikembalikan: tanggal dan nomor bukti transfer, sekali.")
            .Produces<SettleSelfPaidRefunds.SelfPaidRefundResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Task<IResult> GenerateAsync(Guid id, GenerateBillsRequest? request, GenerateBills generate, CancellationToken ct) =>
        Answer(generate.ExecuteAsync(id, request, ct));

    private static Task<IResult> MoneyAsync(Guid id, ProgrammeMoney money, CancellationToken ct) => Answer(money.ExecuteAsync(id, ct));

    private static Task<IResult> LinesAsync(Guid id, int? page, BillLines lines, CancellationToken ct) => Answer(lines.ExecuteAsync(id, page, ct));

    private static async Task<IResult> RunAsync(BillingRunRequest? request, JobQueue queue, CallerContext caller, CancellationToken ct)
    {
        ContributionMonth? upTo = null;
        if (request?.UpToMonth is { Length: > 0 } text)
        {
            if (!ContributionMonth.TryParse(text, out var m))
            {
                return Refusal.Invalid("upToMonth", "Bulan harus berformat yyyy-MM.").ToValidationProblem();
            }

            upTo = m;
        }

        var jobId = await queue.EnqueueAsync(BillingRunJob.Request(upTo, caller.Scope), ct: ct);
        return TypedResults.Accepted($"/api/v1/billing/runs/{jobId}", new BillingRunAccepted(jobId));
    }

    private static async Task<IResult> RunStatusAsync(Guid id, JobQueue queue, CallerContext caller, CancellationToken ct)
    {
        var job = await queue.FindAsync(id, ct);
        if (job is null || job.Kind != BillingRunJob.JobKind
            || !(caller.Scope.AllRegions || (job.ScopeRegion is { } region && caller.Scope.Covers(region))))
        {
            return ApiProblem.NotFound("billing.run_not_found", "Penagihan tidak ditemukan.");
        }

        return TypedResults.Ok(new BillingRunStatus(job.Id, job.State.ToCode(), job.Stage, job.Progress, job.Total, job.Result,
            job.ErrorCode, job.ErrorMessage, job.CreatedByName, job.CreatedAt, job.StartedAt, job.FinishedAt));
    }

    private static Task<IResult> PayAsync(Guid id, RecordPaymentRequest? request, RecordPayment.RecordPayment pay, CancellationToken ct) =>
        Answer(pay.ExecuteAsync(id, request, ct));

    private static Task<IResult> PaymentsAsync(Guid id, ListPayments list, CancellationToken ct) => Answer(list.ExecuteAsync(id, ct));

    private static Task<IResult> AllocateAsync(Guid id, AllocatePaymentRequest? request, AllocatePayment allocate, CancellationToken ct) =>
        Answer(allocate.ExecuteAsync(id, request, ct));

    private static Task<IResult> ProtectionAsync(string nik, string? date, CheckProtection.CheckProtection check, CancellationToken ct) =>
        Answer(check.OnDateAsync(nik, date, ct));

    private static Task<IResult> StripAsync(string nik, string? from, string? to, CheckProtection.CheckProtection check, CancellationToken ct) =>
        Answer(check.StripAsync(nik, from, to, ct));

    private static Task<IResult> BackdateAsync(string nik, string month, RecordBackdateRequest? request, RecordBackdate record, CancellationToken ct) =>
        Answer(record.ExecuteAsync(nik, month, request, ct));

    private static Task<IResult> RefundsAsync(string? status, int? page, SettleSelfPaidRefunds.ListSelfPaidRefunds list, CancellationToken ct) =>
        Answer(list.ExecuteAsync(status, page, ct));

    private static Task<IResult> RefundedAsync(string nik, string month, SettleSelfPaidRefunds.MarkRefundedRequest? request,
        SettleSelfPaidRefunds.MarkSelfPaidRefunded mark, CancellationToken ct) =>
        Answer(mark.ExecuteAsync(nik, month, request, ct));

    internal static async Task<IResult> Answer<T>(Task<Outcome<T>> pending)
        where T : class
    {
        var outcome = await pending;
        if (!outcome.Succeeded)
        {
            return outcome.Refusal.IsValidation ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        }

        return TypedResults.Ok(outcome.Value);
    }
}

internal sealed record BillingRunRequest(string? UpToMonth);

/// <summary>The queued billing run: follow it at <c>GET /api/v1/billing/runs/{jobId}</c>.</summary>
internal sealed record BillingRunAccepted(Guid JobId);

/// <summary>A billing run as the API shows it: state queued/running/succeeded/failed/cancelled, progress in programmes.</summary>
internal sealed record BillingRunStatus(
    Guid Id, string State, string? Stage, long Progress, long? Total, System.Text.Json.JsonElement? Result, string? ErrorCode,
    string? ErrorMessage, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);
