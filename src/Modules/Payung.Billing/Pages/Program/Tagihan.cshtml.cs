using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Billing.GenerateMonthlyBills;
using Payung.Billing.RecordPayment;
using Payung.Billing.ReviewBills;

namespace Payung.Billing.Pages.Program;

/// <summary>
/// A programme's money: ceiling, committed, billed, paid, refunds, outstanding and unallocated, the invariants, the
/// bills and the payments, with the buttons to issue bills and the form to record a payment — the same use cases as
/// <c>GET /api/v1/programmes/{id}/money</c>, <c>POST …/bills</c> and <c>POST …/payments</c>.
/// </summary>
[Authorize(Policy = Permissions.ReadPrograms)]
public sealed class TagihanModel(ProgrammeMoney money, ListPayments payments, CallerContext caller) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    internal ProgrammeMoneyResponse Money { get; private set; } = null!;

    internal IReadOnlyList<PaymentResponse> Payments { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool CanManage => BillingDisplay.CanManage(caller.Scope);

    [BindProperty]
    public PaymentForm Payment { get; set; } = new();

    [BindProperty(Name = "month")]
    public string? Month { get; set; }

    public sealed class PaymentForm
    {
        public string? Method { get; set; } = "sp2d";
        public string? Reference { get; set; }
        public string? PaidOn { get; set; }
        public long? Amount { get; set; }
        public string? Note { get; set; }
    }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    // Razor Pages ignore [Authorize] on handlers, so the write handlers check the permission here.
    public async Task<IActionResult> OnPostBillAsync(Guid id, [FromServices] GenerateBills generate, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var outcome = await generate.ExecuteAsync(id, new GenerateBillsRequest(string.IsNullOrWhiteSpace(Month) ? null : Month.Trim()), ct);
        if (outcome.Succeeded)
        {
            Notice = outcome.Value.BillsIssued == 0
                ? $"Tidak ada tagihan baru: {outcome.Value.MonthsChecked} bulan diperiksa, semuanya sudah sesuai."
                : $"{outcome.Value.BillsIssued} tagihan terbit, total {BillingDisplay.Rupiah(outcome.Value.Bills.Sum(b => b.Total))}.";
            return Redirect($"/program/{id}/tagihan");
        }

        return await FailedAsync(id, outcome.Refusal, ct);
    }

    public async Task<IActionResult> OnPostPayAsync(Guid id, [FromServices] RecordPayment.RecordPayment record, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var outcome = await record.ExecuteAsync(id, new RecordPaymentRequest(null, Payment.Method, Payment.Reference, Payment.PaidOn,
            Payment.Amount, null, Payment.Note), ct);
        if (outcome.Succeeded)
        {
            var p = outcome.Value;
            Notice = p.AlreadyRecorded
                ? $"Pembayaran {p.Reference} sudah tercatat sebelumnya; tidak dicatat dua kali."
                : $"Pembayaran {p.Reference} {BillingDisplay.Rupiah(p.Amount)} dicatat: {BillingDisplay.Rupiah(p.Allocated)} teralokasi"
                  + (p.Unallocated > 0 ? $", {BillingDisplay.Rupiah(p.Unallocated)} belum teralokasi." : ".");
            return Redirect($"/program/{id}/tagihan");
        }

        return await FailedAsync(id, outcome.Refusal, ct);
    }

    public async Task<IActionResult> OnPostAllocateAsync(Guid id, Guid paymentId, [FromServices] AllocatePayment allocate, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var outcome = await allocate.ExecuteAsync(paymentId, null, ct);
        if (outcome.Succeeded)
        {
            Notice = $"Sisa pembayaran {outcome.Value.Reference} dialokasikan; belum teralokasi kini {BillingDisplay.Rupiah(outcome.Value.Unallocated)}.";
            return Redirect($"/program/{id}/tagihan");
        }

        return await FailedAsync(id, outcome.Refusal, ct);
    }

    private async Task<IActionResult> FailedAsync(Guid id, Refusal refusal, CancellationToken ct)
    {
        if (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        Errors = refusal.IsValidation
            ? refusal.Messages().Select(m => m.Message).ToList()
            : [refusal.Detail is { } detail ? $"{refusal.Title} {detail}" : refusal.Title];
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var outcome = await money.ExecuteAsync(id, ct);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        Money = outcome.Value;
        Payments = (await payments.ExecuteAsync(id, ct)).Value ?? [];
        return Page();
    }
}
