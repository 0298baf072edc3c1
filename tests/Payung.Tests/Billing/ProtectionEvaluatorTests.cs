using Payung.Billing.CheckProtection;
using Payung.Shared;

namespace Payung.Tests.Billing;

/// <summary>The protection rules of DOMAIN.md, month by month, without a database.</summary>
public sealed class ProtectionEvaluatorTests
{
    private static readonly ProtectionRule Rule = new("R", ContributionMonth.Parse("2015-07"), null, 15, 3, false);
    private static readonly ProtectionRule ArrearsProtected = Rule with { Version = "R2", ArrearsMonthProtected = true };
    private static readonly DateOnly Today = new(2026, 11, 21);

    // 2026 from the SKB: Sunday 15 February, then collective leave on the 16th and Imlek on the 17th; a collective leave
    // day on Friday 15 May; and, made up for the boundary, collective leave the day after a Tuesday 15 December.
    private static readonly WorkingCalendar Calendar = new(
    [
        new NonWorkingDay(new DateOnly(2026, 2, 16), NonWorkingDay.CollectiveLeave, "Cuti bersama Imlek"),
        new NonWorkingDay(new DateOnly(2026, 2, 17), NonWorkingDay.Holiday, "Imlek"),
        new NonWorkingDay(new DateOnly(2026, 5, 15), NonWorkingDay.CollectiveLeave, "Cuti bersama Kenaikan"),
        new NonWorkingDay(new DateOnly(2026, 12, 16), NonWorkingDay.CollectiveLeave, "Cuti bersama (uji)"),
    ], [2026]);

    private static LedgerMonth Paid(string month, string paidOn, string source = "programme", string? backdate = null) =>
        new(ContributionMonth.Parse(month), source, source == "programme" ? Guid.Empty : null, 16_800, 16_800, DateOnly.Parse(paidOn), backdate);

    private static LedgerMonth Unpaid(string month, long paid = 0) =>
        new(ContributionMonth.Parse(month), "programme", Guid.Empty, 16_800, paid, null, null);

    private static ProtectionVerdict Evaluate(string date, LedgerMonth[] ledger, ProtectionRule? rule = null, DateOnly? died = null,
        string? start = null) =>
        ProtectionEvaluator.Evaluate(DateOnly.Parse(date),
            new ProtectionFacts(ledger, [rule ?? Rule], Calendar, start is null ? null : DateOnly.Parse(start), died), Today);

    private static string[] Codes(ProtectionVerdict v) => v.Reasons.Select(r => r.Code).ToArray();

    [Theory]
    [InlineData("2026-03-15", true)] // paid on the due day... a Sunday: the due day is Monday the 16th
    [InlineData("2026-03-16", true)] // the next working day
    [InlineData("2026-02-20", true)] // prepaid the month before
    [InlineData("2026-03-17", false)] // one working day late: no longer on time
    public void PaidByTheDueDay_ProtectsTheWholeMonth(string paidOn, bool onTime)
    {
        var v = Evaluate("2026-03-02", [Paid("2026-02", "2026-02-10"), Paid("2026-03", paidOn)]);

        Assert.Equal(onTime, v.Protected);
        Assert.Equal(onTime, Codes(v).Contains("contribution.paid_on_time"));
    }

    [Theory]
    [InlineData("2026-02", "2026-02-18", "2026-02-19")] // Sunday 15th, collective leave 16th, Imlek 17th
    [InlineData("2026-03", "2026-03-16", "2026-03-17")] // Sunday 15th
    [InlineData("2026-05", "2026-05-18", "2026-05-19")] // collective leave on Friday 15th, then the weekend
    [InlineData("2026-12", "2026-12-15", "2026-12-16")] // a working 15th the day before collective leave stays
    public void TheDueDay_MovesToTheNextWorkingDay(string month, string lastOnTime, string firstLate)
    {
        var previous = ContributionMonth.Parse(month).PlusMonths(-1).ToString();
        LedgerMonth[] OnDay(string day) => [Paid(previous, previous + "-05"), Paid(month, day)];

        Assert.Equal(DateOnly.Parse(lastOnTime), Rule.DueDate(ContributionMonth.Parse(month), Calendar));
        Assert.Contains("contribution.paid_on_time", Codes(Evaluate(month + "-02", OnDay(lastOnTime))));
        Assert.DoesNotContain("contribution.paid_on_time", Codes(Evaluate(month + "-02", OnDay(firstLate))));
    }

    [Fact]
    public void AYearWithoutItsDecree_MovesOverWeekendsOnly_AndSaysSo()
    {
        var v = Evaluate("2027-03-20", [Paid("2027-02", "2027-02-10"), Paid("2027-03", "2027-03-15")]);

        Assert.True(v.Protected); // 15 March 2027 is a Monday
        Assert.Contains("calendar.year_missing", Codes(v));
        Assert.DoesNotContain("calendar.year_missing", Codes(Evaluate("2026-04-20", [Paid("2026-03", "2026-03-10"), Paid("2026-04", "2026-04-10")])));
    }

    [Fact]
    public void PaidLateInTheMonth_InsideTheWindow_ProtectsFromThePaymentDay_WithoutABreak()
    {
        LedgerMonth[] ledger = [Paid("2026-02", "2026-02-10"), Paid("2026-03", "2026-03-20")];

        Assert.False(Evaluate("2026-03-19", ledger).Protected);
        Assert.Contains("contribution.paid_after_date", Codes(Evaluate("2026-03-19", ledger)));
        Assert.True(Evaluate("2026-03-20", ledger).Protected);
        Assert.Equal("protected_from_payment", Evaluate("2026-03-31", ledger).State);
        Assert.Contains("contribution.paid_in_arrears_window", Codes(Evaluate("2026-03-31", ledger)));
        // The setting of the rule version decides a day of the still-unpaid month.
        Assert.Equal((true, "arrears_protected"), (Evaluate("2026-03-19", ledger, ArrearsProtected).Protected, Evaluate("2026-03-19", ledger, ArrearsProtected).State));
    }

    // January paid: arrears for February may be paid until 30 April (three months from the end of January).
    [Theory]
    [InlineData("2026-04-30", "protected_from_payment", true)]
    [InlineData("2026-05-01", "gap", false)]
    public void ArrearsPaidOnTheLastDayOfTheWindow_KeepTheMembership_TheDayAfterIsABreak(string paidOn, string state, bool continuous)
    {
        LedgerMonth[] ledger = [Paid("2026-01", "2026-01-05"), Paid("2026-02", paidOn), Paid("2026-05", "2026-05-06")];

        var february = Evaluate("2026-02-28", ledger);

        Assert.Equal(state, february.State);
        Assert.Equal(continuous, Codes(february).Contains("contribution.paid_in_arrears_window"));
        Assert.Equal(!continuous, Codes(february).Contains("protection.continuity_break"));
        Assert.Equal(!continuous, Codes(february).Contains("backdate.not_requested"));
        // May is paid on time. Continuous, it protects from its first day; after the break it starts a new membership on
        // the payment day (6 May), so 2 May is not protected.
        Assert.True(Evaluate("2026-05-10", ledger).Protected);
        Assert.Equal(continuous, Evaluate("2026-05-02", ledger).Protected);
    }

    [Theory]
    [InlineData(null, false, "backdate.not_requested")]
    [InlineData("requested", false, "backdate.requested")]
    [InlineData("refused", false, "backdate.refused")]
    [InlineData("approved", true, "protection.backdate_approved")]
    public void PaidAfterTheWindow_IsAGapUnlessTheBackdateIsApproved(string? backdate, bool protectedMonth, string code)
    {
        var v = Evaluate("2026-02-10", [Paid("2026-01", "2026-01-05"), Paid("2026-02", "2026-06-02", backdate: backdate)]);

        Assert.Equal(protectedMonth, v.Protected);
        Assert.Contains(code, Codes(v));
        Assert.Equal(protectedMonth ? "protected" : "gap", v.State);
    }

    [Fact]
    public void AMonthPaidOnTimeAfterALapse_StartsANewMembershipFromThePaymentDay()
    {
        // January paid; February to May unpaid: the membership ended on 1 May. June is paid on the 10th, on time.
        LedgerMonth[] ledger = [Paid("2026-01", "2026-01-05"), Unpaid("2026-02"), Unpaid("2026-03"), Unpaid("2026-04"), Unpaid("2026-05"),
            Paid("2026-06", "2026-06-10"), Paid("2026-07", "2026-07-10")];

        var beforePayment = Evaluate("2026-06-05", ledger);
        var afterPayment = Evaluate("2026-06-10", ledger);

        Assert.False(beforePayment.Protected);
        Assert.Contains("membership.restarted", Codes(beforePayment));
        Assert.True(afterPayment.Protected);
        Assert.Equal("protected_from_payment", afterPayment.State);
        Assert.Equal("inactive", Evaluate("2026-05-20", ledger).State);
        // The new membership goes on: July on time protects the whole month.
        Assert.Equal("protected", Evaluate("2026-07-01", ledger).State);
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
    public void MoreThanTheLapseMonthsUnpaid_MakeTheMembershipInactive_EvenWithTheArrearsSetting()
    {
        LedgerMonth[] ledger = [Paid("2026-01", "2026-01-05"), Unpaid("2026-02"), Unpaid("2026-03"), Unpaid("2026-04"), Unpaid("2026-05")];

        Assert.True(Evaluate("2026-04-30", ledger, ArrearsProtected).Protected); // the window's last day
        var after = Evaluate("2026-05-01", ledger, ArrearsProtected);
        Assert.Equal((false, "inactive"), (after.Protected, after.State));
        Assert.Contains("membership.inactive", Codes(after));
    }

    [Fact]
    public void AnUnderpaidMonth_IsNotProtected_AndSaysWhatIsMissing()
    {
        var v = Evaluate("2026-02-20", [Paid("2026-01", "2026-01-05"), Unpaid("2026-02", paid: 8_400)]);

        Assert.Equal((false, "unpaid"), (v.Protected, v.State));
        Assert.Contains("contribution.underpaid", Codes(v));
        Assert.Contains(v.Reasons, r => r.Code == "contribution.unpaid" && r.Message.Contains("Rp8.400", StringComparison.Ordinal));
    }

    // A worker enrolled on 12 March into a programme of January–May: committed and billed from March.
    [Theory]
    [InlineData("2026-03-11", false, "not_started")]
    [InlineData("2026-03-12", true, "protected")]
    [InlineData("2026-05-31", true, "protected")]
    public void ProtectionStartsOnTheMembershipDay_NotOnTheFirstOfTheMonth(string date, bool protectedDay, string state)
    {
        LedgerMonth[] ledger = [Paid("2026-03", "2026-03-13"), Paid("2026-04", "2026-04-10"), Paid("2026-05", "2026-05-11")];

        var v = Evaluate(date, ledger, start: "2026-03-12");

        Assert.Equal((protectedDay, state), (v.Protected, v.State));
        if (!protectedDay)
        {
            Assert.Contains("membership.not_started", Codes(v));
        }
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
    public void AWorkerFundedAgainByALaterProgramme_StaysContinuous()
    {
        // Programme A paid January–March; nothing in April; programme B pays from May, on time.
        LedgerMonth[] ledger = [Paid("2026-01", "2026-01-05"), Paid("2026-02", "2026-02-05"), Paid("2026-03", "2026-03-05"), Paid("2026-05", "2026-05-08")];

        Assert.Equal("none", Evaluate("2026-04-10", ledger).State);
        Assert.Equal("protected", Evaluate("2026-05-01", ledger).State);
    }

    [Fact]
    public void Rules_AreChosenByTheMonthTheyAreInForce()
    {
        var old = new ProtectionRule("OLD", ContributionMonth.Parse("2015-07"), ContributionMonth.Parse("2026-02"), 15, 3, false);
        var newer = new ProtectionRule("NEW", ContributionMonth.Parse("2026-03"), null, 10, 3, false);
        LedgerMonth[] ledger = [Paid("2026-02", "2026-02-12"), Paid("2026-03", "2026-03-12")];

        var feb = ProtectionEvaluator.Evaluate(new DateOnly(2026, 2, 20), new ProtectionFacts(ledger, [old, newer], Calendar), Today);
        var mar = ProtectionEvaluator.Evaluate(new DateOnly(2026, 3, 20), new ProtectionFacts(ledger, [old, newer], Calendar), Today);

        Assert.Equal((true, "OLD"), (feb.Protected, feb.RuleVersion));
        Assert.Equal((true, "NEW", "protected_from_payment"), (mar.Protected, mar.RuleVersion, mar.State));
    }
}
