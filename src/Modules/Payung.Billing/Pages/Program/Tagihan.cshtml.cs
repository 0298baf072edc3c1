using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Billing.GenerateMonthlyBills;
using Payung.Billing.RecordPayment;
using Payung.Billing.ReviewBills;
using Payung.Infrastructure.Pages;
using Payung.Regions.Contracts;

namespace Payung.Billing.Pages.Program;

/// <summary>
/// A programme's money: ceiling, committed, billed, paid, refunds, outstanding and unallocated, the invariants, the
/// bills and the payments, with the buttons to issue bills and the form to record a payment — the same use cases as
/// <c>GET /api/v1/programmes/{id}/money</c>, <c>POST …/bills</c> and <c>POST …/payments</c>. The forms are shown only
/// to whom the use cases let use them (<see cref="CanChange"/>); others read who does.
/// </summary>
[Authorize(Policy = Permissions.ReadPrograms)]
public sealed class TagihanModel(ProgrammeMoney money, ListPayments payments, CallerContext caller, IRegionDirectory regions) : PageModel
{
    private static PageText Text => BillingText.T;

    [TempData]
    public string? Notice { get; set; }

    internal ProgrammeMoneyResponse Money { get; private set; } = null!;

    internal IReadOnlyList<PaymentResponse> Payments { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    internal RegionNames Names { get; private set; } = RegionNames.None;

    /// <summary>
    /// The rule GenerateBills, RecordPayment and AllocatePayment apply: the permission to manage programmes, and the
    /// programme's own region in the caller's scope (a village operator reads its regency's programme but does not bill it).
    /// </summary>
    public bool CanChange => CanManage && Money is { } m && caller.Scope.Covers(m.RegionCode);

    /// <summary>Whether the bill lines page (names and NIKs, <see cref="Permissions.ReadPersonalData"/>) is open to the caller, so the bill numbers link to it.</summary>
    public bool CanReadLines => caller.Scope.Role is { } role && Permissions.Roles[Permissions.ReadPersonalData].Contains(role);

    private bool CanManage => caller.Scope.Role is { } role && Permissions.Roles[Permissions.ManagePrograms].Contains(role);

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

    // Razor Pages ignore [Authorize] on handlers, so the write handlers check the permission here; the use cases check
    // the programme's region again.
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
                ? Text.Format("Tidak ada tagihan baru: {0} bulan diperiksa, semuanya sudah sesuai.", DisplayFormat.Number(outcome.Value.MonthsChecked))
                : Text.Format("{0} tagihan terbit, total {1}.", DisplayFormat.Number(outcome.Value.BillsIssued),
                    DisplayFormat.Rupiah(outcome.Value.Bills.Sum(b => b.Total)));
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
                ? Text.Format("Pembayaran {0} sudah tercatat sebelumnya; tidak dicatat dua kali.", p.Reference)
                : p.Unallocated > 0
                    ? Text.Format("Pembayaran {0} {1} dicatat: {2} teralokasi, {3} belum teralokasi.", p.Reference, DisplayFormat.Rupiah(p.Amount),
                        DisplayFormat.Rupiah(p.Allocated), DisplayFormat.Rupiah(p.Unallocated))
                    : Text.Format("Pembayaran {0} {1} dicatat: {2} teralokasi.", p.Reference, DisplayFormat.Rupiah(p.Amount),
                        DisplayFormat.Rupiah(p.Allocated));
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
            Notice = Text.Format("Sisa pembayaran {0} dialokasikan; belum teralokasi kini {1}.", outcome.Value.Reference,
                DisplayFormat.Rupiah(outcome.Value.Unallocated));
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
            ? refusal.Messages().Select(m => Text[m.Message]).ToList()
            : [refusal.Detail is { } detail ? $"{Text[refusal.Title]} {detail}" : Text[refusal.Title]];
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
        Names = await regions.NamesAsync([Money.RegionCode], ct);
        return Page();
    }
}
