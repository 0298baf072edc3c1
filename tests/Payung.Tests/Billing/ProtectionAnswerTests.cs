using Microsoft.Extensions.DependencyInjection;
using Payung.Billing.CheckProtection;
using Payung.Tests.Programs.Enrollment;
using Payung.Tests.Registry.Workers;
using static Payung.Tests.Billing.BillingTestKit;
using static Payung.Tests.Programs.Enrollment.EnrollmentTestKit;

namespace Payung.Tests.Billing;

/// <summary>
/// The protection answer and the month strip read the ledger, the programme and funder names and the rules in one batch:
/// every month names who funded it, and months outside the ledger name nobody.
/// </summary>
public sealed class ProtectionAnswerTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    [Fact]
    public async Task Protection_AndStrip_NameTheProgrammeAndFunderOfEachLedgerMonth_AndNobodyOutsideIt()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-03"));
        var w = await BillingTestKit.CreateWorkerAsync(factory);
        await EnrollAsync(factory, programme, w.Id);
        await BillAsync(factory, programme);
        await PayAsync(factory, programme, MonthlyRate, "2026-01-10");

        var jan = await ProtectionAsync(factory, w.Nik, "2026-01-20");
        var feb = await ProtectionAsync(factory, w.Nik, "2026-02-20");
        var before = await ProtectionAsync(factory, w.Nik, "2025-12-20");
        var strip = await StripAsync(w.Nik, "2025-12", "2026-03");

        var funded = new FundedBy("programme", programme, "Program Uji Kepesertaan", "Pemkab Uji Kepesertaan");
        Assert.Equal((true, "protected", funded), (jan.Protected, jan.State, jan.FundedBy));
        Assert.Equal((false, "unpaid", funded, MonthlyRate, 0L), (feb.Protected, feb.State, feb.FundedBy, feb.AmountDue, feb.AmountPaid));
        Assert.Equal((false, "none", null), (before.Protected, before.State, before.FundedBy));
        Assert.Equal("PROTECTION@2015-07", jan.RuleVersion);
        Assert.Equal(["2025-12 none -", "2026-01 protected Program Uji Kepesertaan", "2026-02 unpaid Program Uji Kepesertaan",
                      "2026-03 unpaid Program Uji Kepesertaan"],
            strip.Months.Select(m => $"{m.Month} {m.State} {m.FundedBy?.ProgrammeName ?? "-"}"));
    }

    private async Task<ContributionStripResponse> StripAsync(string nik, string from, string to)
    {
        using var scope = factory.Services.CreateScope();
        var outcome = await scope.As<CheckProtection>(Operator).StripAsync(nik, from, to, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Code);
        return outcome.Value;
    }
}
