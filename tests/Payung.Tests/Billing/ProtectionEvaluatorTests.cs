using Payung.Billing.CheckProtection;
using Payung.Shared;

namespace Payung.Tests.Billing;

/// <summary>The protection rules of DOMAIN.md, month by month, without a database.</summary>
public sealed class ProtectionEvaluatorTests
{
    private static readonly ProtectionRule Rule = new("R", ContributionMonth.Parse("2015-07"), null, 15, 3, false);
    private static readonly ProtectionRule ArrearsProtected = Rule with { Version = "R2", ArrearsMonthProtected = true };
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static LedgerMonth Paid(string month, string paidOn, string source = "programme", string? backdate = null) =>
        new(ContributionMonth.Parse(month), source, source == "programme" ? Guid.Empty : null, 16_800, 16_800, DateOnly.Parse(paidOn), backdate);

    private static LedgerMonth Unpaid(string month) => new(ContributionMonth.Parse(month), "programme", Guid.Empty, 16_800, 0, null, null);

    private static ProtectionVerdict Evaluate(string date, LedgerMonth[] ledger, ProtectionRule? rule = null, DateOnly? died = null) =>
        ProtectionEvaluator.Evaluate(DateOnly.Parse(date), ledger, [rule ?? Rule], died, Today);

    private static string[] Codes(ProtectionVerdict v) => v.Reasons.Select(r => r.Code).ToArray();

    [Theory]
    [InlineData("2026-03-15", true)] // paid on the due day
    [InlineData("2026-02-20", true)] // prepaid the month before
    [InlineData("2026-03-16", false)] // one day late: no longer on time
    public void PaidByTheFifteenth_ProtectsTheWholeMonth(string paidOn, bool onTime)
    {
        var v = Evaluate("2026-03-02", [Paid("2026-03", paidOn)]);

        Assert.Equal(onTime, v.Protected);
        Assert.Equal(onTime, Codes(v).Contains("contribution.paid_on_time"));
    }

    [Fact]
    public void PaidLateInTheMonth_ProtectsFromThePaymentDayOnly()
    {
        LedgerMonth[] ledger = [Paid("2026-03", "2026-03-20")];

        Assert.False(Evaluate("2026-03-19", ledger).Protected);
        Assert.Contains("contribution.paid_after_date", Codes(Evaluate("2026-03-19", ledger)));
        Assert.True(Evaluate("2026-03-20", ledger).Protected);
        Assert.Equal("protected_from_payment", Evaluate("2026-03-31", ledger).State);
    }

    [Theory]
    [InlineData(null, false, "backdate.not_requested")]
    [InlineData("requested", false, "backdate.requested")]
    [InlineData("refused", false, "backdate.refused")]
    [InlineData("approved", true, "protection.backdate_approved")]
    public void PaidInALaterMonth_IsAGapUnlessTheBackdateIsApproved(string? backdate, bool protectedMonth, string code)
    {
        var v = Evaluate("2026-02-10", [Paid("2026-01", "2026-01-05"), Paid("2026-02", "2026-04-02", backdate: backdate)]);

        Assert.Equal(protectedMonth, v.Protected);
        Assert.Contains(code, Codes(v));
        Assert.Equal(protectedMonth ? "protected" : "gap", v.State);
        if (!protectedMonth)
        {
            Assert.Contains("protection.continuity_break", Codes(v));
        }
    }

    [Fact]
    public void UnpaidMonth_IsNotProtectedByDefault_ButTheSettingProtectsItInsideTheWindow()
    {
        LedgerMonth[] ledger = [Paid("2026-01", "2026-01-05"), Unpaid("2026-02")];

        var byDefault = Evaluate("2026-02-20", ledger);
        var setting = Evaluate("2026-02-20", ledger, ArrearsProtected);

        Assert.Equal((false, "unpaid"), (byDefault.Protected, byDefault.State));
        Assert.Contains("protection.unpaid_not_protected", Codes(byDefault));
        Assert.Equal((true, "arrears_protected"), (setting.Protected, setting.State));
    }

    [Fact]
    public void ThreeConsecutiveUnpaidMonths_MakeTheMembershipInactive_EvenWithTheArrearsSetting()
    {
        LedgerMonth[] ledger = [Paid("2026-01", "2026-01-05"), Unpaid("2026-02"), Unpaid("2026-03"), Unpaid("2026-04"), Unpaid("2026-05")];

        var third = Evaluate("2026-04-20", ledger, ArrearsProtected);
        var fourth = Evaluate("2026-05-20", ledger, ArrearsProtected);

        Assert.True(third.Protected); // Feb and Mar unpaid: still inside the 3-month window
        Assert.Equal((false, "inactive"), (fourth.Protected, fourth.State));
        Assert.Contains("membership.inactive", Codes(fourth));
    }

    [Fact]
    public void AfterDeath_NothingIsProtected()
    {
        var v = Evaluate("2026-03-20", [Paid("2026-03", "2026-03-01")], died: new DateOnly(2026, 3, 10));

        Assert.Equal((false, "deceased"), (v.Protected, v.State));
        Assert.True(Evaluate("2026-03-09", [Paid("2026-03", "2026-03-01")], died: new DateOnly(2026, 3, 10)).Protected);
    }

    [Fact]
    public void NoContribution_IsNotProtected_AndSelfPaidMonthsProtectLikeProgrammeMonths()
    {
        var none = Evaluate("2026-03-20", []);
        var selfPaid = Evaluate("2026-03-20", [Paid("2026-03", "2026-03-02", source: "self_paid")]);

        Assert.Equal((false, "none"), (none.Protected, none.State));
        Assert.Contains("contribution.none", Codes(none));
        Assert.True(selfPaid.Protected);
        Assert.Contains("funding.self_paid", Codes(selfPaid));
    }

    [Fact]
    public void Rules_AreChosenByTheMonthTheyAreInForce()
    {
        var old = new ProtectionRule("OLD", ContributionMonth.Parse("2015-07"), ContributionMonth.Parse("2026-02"), 15, 3, false);
        var newer = new ProtectionRule("NEW", ContributionMonth.Parse("2026-03"), null, 10, 3, false);
        LedgerMonth[] ledger = [Paid("2026-02", "2026-02-12"), Paid("2026-03", "2026-03-12")];

        var feb = ProtectionEvaluator.Evaluate(new DateOnly(2026, 2, 20), ledger, [old, newer], null, Today);
        var mar = ProtectionEvaluator.Evaluate(new DateOnly(2026, 3, 20), ledger, [old, newer], null, Today);

        Assert.Equal((true, "OLD"), (feb.Protected, feb.RuleVersion));
        Assert.Equal((true, "NEW", "protected_from_payment"), (mar.Protected, mar.RuleVersion, mar.State));
    }
}
