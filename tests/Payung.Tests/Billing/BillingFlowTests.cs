using Payung.Programs.EnrollWorkers;
using Payung.Tests.Programs.Enrollment;
using static Payung.Tests.Billing.BillingTestKit;
using static Payung.Tests.Programs.Enrollment.EnrollmentTestKit;

namespace Payung.Tests.Billing;

/// <summary>The monthly cycle on the real database: bills from enrolments, payments, the ledger and protection.</summary>
public sealed class BillingFlowTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    [Fact]
    public async Task Bill_ForEachMonthOfTheProgramme_ListsEveryParticipantAndRunningTwiceChangesNothing()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-03"));
        var a = await BillingTestKit.CreateWorkerAsync(factory);
        var b = await BillingTestKit.CreateWorkerAsync(factory);
        await EnrollAsync(factory, programme, a.Id, b.Id);

        var first = await BillAsync(factory, programme);
        var second = await BillAsync(factory, programme);

        Assert.Equal(3, first.BillsIssued);
        Assert.All(first.Bills, bill => Assert.Equal((2, 2 * MonthlyRate, "regular"), (bill.Lines, bill.Total, bill.Kind)));
        Assert.Equal(0, second.BillsIssued);
        var money = await MoneyAsync(factory, programme);
        Assert.Equal(6 * MonthlyRate, money.Billed);
        Assert.All(money.Invariants, i => Assert.True(i.Holds, i.Code));
    }

    [Fact]
    public async Task Pay_OnTime_ProtectsTheMonth_AndArrearsPaidInsideTheWindowKeepTheMembership()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-03"));
        var w = await BillingTestKit.CreateWorkerAsync(factory);
        await EnrollAsync(factory, programme, w.Id);
        await BillAsync(factory, programme);

        // January paid on the 10th (on time); February and March paid together on 20 March, inside the 3-month window.
        await PayAsync(factory, programme, MonthlyRate, "2026-01-10");
        var late = await PayAsync(factory, programme, 2 * MonthlyRate, "2026-03-20");

        Assert.Equal(0, late.Unallocated);
        var jan = await ProtectionAsync(factory, w.Nik, "2026-01-20");
        var feb = await ProtectionAsync(factory, w.Nik, "2026-02-20");
        var marBefore = await ProtectionAsync(factory, w.Nik, "2026-03-18");
        var marAfter = await ProtectionAsync(factory, w.Nik, "2026-03-25");
        Assert.True(jan.Protected);
        Assert.Contains(jan.Reasons, r => r.Code == "contribution.paid_on_time");
        Assert.Equal(programme, jan.FundedBy!.ProgrammeId);
        // On 20 February the month was still unpaid: the rule's default setting protects no such day, but no break.
        Assert.False(feb.Protected);
        Assert.Contains(feb.Reasons, r => r.Code == "contribution.paid_in_arrears_window");
        Assert.DoesNotContain(feb.Reasons, r => r.Code == "protection.continuity_break");
        Assert.False(marBefore.Protected);
        Assert.True(marAfter.Protected);
        Assert.Contains(marAfter.Reasons, r => r.Code == "contribution.paid_in_arrears_window");
    }

    [Fact]
    public async Task Enrol_InMonthThreeOfAFiveMonthProgramme_CommitsBillsAndProtectsOnlyFromTheMembershipDay()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-05"));
        var w = await BillingTestKit.CreateWorkerAsync(factory);

        var enrolled = await EnrollAsync(factory, programme, new EnrollWorkersRequest([w.Id], null, "2026-03-12"));
        var bills = await BillAsync(factory, programme);
        await PayAsync(factory, programme, 3 * MonthlyRate, "2026-03-13");

        Assert.Equal(3 * MonthlyRate, enrolled.CommittedTotal);
        Assert.Equal(["2026-03", "2026-04", "2026-05"], (await FundedMonthsAsync(factory, w.Id)).Select(m => m.Month));
        Assert.Equal(["2026-03", "2026-04", "2026-05"], bills.Bills.Select(b => b.Month).Order());
        Assert.Equal(3 * MonthlyRate, bills.Bills.Sum(b => b.Total));
        var february = await ProtectionAsync(factory, w.Nik, "2026-02-20");
        var dayBefore = await ProtectionAsync(factory, w.Nik, "2026-03-11");
        var firstDay = await ProtectionAsync(factory, w.Nik, "2026-03-12");
        Assert.Equal((false, "not_started"), (february.Protected, february.State));
        Assert.Equal((false, "not_started"), (dayBefore.Protected, dayBefore.State));
        Assert.Contains(dayBefore.Reasons, r => r.Code == "membership.not_started");
        Assert.Equal((true, "protected"), (firstDay.Protected, firstDay.State));
        Assert.True((await ProtectionAsync(factory, w.Nik, "2026-05-31")).Protected);
    }

    [Fact]
    public async Task Bill_WritesNoLedgerRows_TheBilledMonthReadsAsDueFromItsFundedMonth_AndTheFirstMoneyCreatesTheRow()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-01"));
        var a = await BillingTestKit.CreateWorkerAsync(factory);
        var b = await BillingTestKit.CreateWorkerAsync(factory);
        await EnrollAsync(factory, programme, a.Id, b.Id);
        var before = await ProtectionAsync(factory, a.Nik, "2026-01-20");
        await BillAsync(factory, programme);

        // Not billed yet: the month is not in the worker's ledger at all.
        Assert.Null(before.FundedBy);
        Assert.Equal(0L, await LedgerRowsAsync(a.Id, b.Id));
        var due = await ProtectionAsync(factory, a.Nik, "2026-01-20");
        Assert.Equal((false, programme, MonthlyRate, 0L), (due.Protected, due.FundedBy!.ProgrammeId, due.AmountDue, due.AmountPaid));

        // Money for one line creates that worker's row; the other stays a due month without a row.
        await PayAsync(factory, programme, MonthlyRate, "2026-01-10");
        Assert.Equal(1L, await LedgerRowsAsync(a.Id, b.Id));
        var answers = new[] { await ProtectionAsync(factory, a.Nik, "2026-01-20"), await ProtectionAsync(factory, b.Nik, "2026-01-20") };
        Assert.Single(answers, x => x.Protected && x.AmountPaid == MonthlyRate && x.AmountDue == MonthlyRate);
        Assert.Single(answers, x => !x.Protected && x.AmountPaid == 0 && x.AmountDue == MonthlyRate && x.FundedBy!.ProgrammeId == programme);
        await PayAsync(factory, programme, MonthlyRate, "2026-01-11");
        Assert.Equal(2L, await LedgerRowsAsync(a.Id, b.Id));
        Assert.True((await ProtectionAsync(factory, b.Nik, "2026-01-20")).Protected);
    }

    [Fact]
    public async Task BillLine_ForABillThatDoesNotExist_IsRefusedWithTheWholeStatement()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-01"));
        var w = await BillingTestKit.CreateWorkerAsync(factory);
        await EnrollAsync(factory, programme, w.Id);
        var bill = Assert.Single((await BillAsync(factory, programme)).Bills);

        // Lines of an issued bill and of a bill that does not exist, in one statement: the reference is checked per
        // statement (no row-level foreign key), and nothing of the statement stays.
        await using var cmd = factory.Database.DataSource.CreateCommand("""
            insert into billing.bill_line (bill_id, line_no, worker_id, enrollment_id, month, kind, amount, rate_version, village_code, regency_code)
            select b, 1000 + n, $3, gen_random_uuid(), date '2026-01-01', 'charge', 16800, 'x', '18.01.06.2001', '18.01'
              from unnest(array[$1, $2]) with ordinality as u (b, n)
            """);
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter<Guid> { TypedValue = bill.BillId });
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter<Guid> { TypedValue = w.Id });
        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => cmd.ExecuteNonQueryAsync());

        Assert.Equal("23503", refused.SqlState);
        Assert.Equal(1, Assert.Single(await LinesAsync(factory, bill.BillId)).LineNo);
    }

    private async Task<long> LedgerRowsAsync(params Guid[] workers)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand("select count(*) from billing.contribution where worker_id = any($1)");
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter<Guid[]> { TypedValue = workers });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Pay_MoreThanBilled_LeavesTheRestUnallocated_AndPartialPaymentPaysLinesInOrder()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-01"));
        var a = await BillingTestKit.CreateWorkerAsync(factory);
        var b = await BillingTestKit.CreateWorkerAsync(factory);
        await EnrollAsync(factory, programme, a.Id, b.Id);
        await BillAsync(factory, programme);

        var partial = await PayAsync(factory, programme, MonthlyRate, "2026-01-05");
        var over = await PayAsync(factory, programme, 3 * MonthlyRate, "2026-01-06");

        Assert.Equal((MonthlyRate, 0L), (partial.Allocated, partial.Unallocated));
        Assert.Equal((MonthlyRate, 2 * MonthlyRate), (over.Allocated, over.Unallocated));
        var money = await MoneyAsync(factory, programme);
        Assert.Equal((2 * MonthlyRate, 2 * MonthlyRate, 2 * MonthlyRate, 0L), (money.Billed, money.Paid, money.Unallocated, money.Outstanding));
        Assert.All(money.Invariants, i => Assert.True(i.Holds, i.Code));
        Assert.True((await ProtectionAsync(factory, a.Nik, "2026-01-20")).Protected);
        Assert.True((await ProtectionAsync(factory, b.Nik, "2026-01-20")).Protected);
    }

    [Fact]
    public async Task Bill_AfterALateEnrolmentAndAnEnding_IssuesAnAdjustmentBill_NeverEditsTheIssuedOne()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-03"));
        var a = await BillingTestKit.CreateWorkerAsync(factory);
        var b = await BillingTestKit.CreateWorkerAsync(factory);
        var enrolled = await EnrollAsync(factory, programme, a.Id);
        var regular = await BillAsync(factory, programme, "2026-03");

        await EnrollAsync(factory, programme, b.Id);
        await EndAsync(factory, enrolled.Verdicts[0].EnrollmentId!.Value, "moved", "2026-02");
        var pending = await MoneyAsync(factory, programme);
        var adjustment = Assert.Single((await BillAsync(factory, programme, "2026-03")).Bills);
        var settled = await MoneyAsync(factory, programme);

        Assert.Equal((0, MonthlyRate), (Assert.Single(regular.Bills).Sequence, regular.Bills[0].Total));
        Assert.Equal((1, "adjustment", 2, 0L), (adjustment.Sequence, adjustment.Kind, adjustment.Lines, adjustment.Total));
        var lines = await LinesAsync(factory, adjustment.BillId);
        Assert.Equal(
            [("enrollment.late", MonthlyRate, "adjustment"), ("enrollment.ended", -MonthlyRate, "adjustment")],
            lines.OrderByDescending(l => l.Amount).Select(l => (l.Reason, l.Amount, l.Kind)).ToArray());
        Assert.Equal(0, (await BillAsync(factory, programme, "2026-03")).BillsIssued);
        Assert.Equal((MonthlyRate, 0L), (pending.Billed, pending.PendingAdjustments)); // a's March out, b's in: net nothing pending
        Assert.All(pending.Invariants, i => Assert.True(i.Holds, i.Code));
        Assert.Equal(0, settled.PendingAdjustments);
        await using var cmd = factory.Database.DataSource.CreateCommand("update billing.bill_line set amount = 1 where bill_id = $1");
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter<Guid> { TypedValue = regular.Bills[0].BillId });
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => cmd.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task Bill_ForMonthsAfterADeathAlreadyPaid_IssuesARefundLineToThePayer()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-03"));
        var w = await BillingTestKit.CreateWorkerAsync(factory);
        await EnrollAsync(factory, programme, w.Id);
        await BillAsync(factory, programme);
        await PayAsync(factory, programme, 3 * MonthlyRate, "2026-01-02");

        await using (var cmd = factory.Database.DataSource.CreateCommand(
            "update registry.worker set status = 'deceased', death_date = date '2026-01-20' where id = $1"))
        {
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter<Guid> { TypedValue = w.Id });
            await cmd.ExecuteNonQueryAsync();
        }

        var after = await BillAsync(factory, programme);

        Assert.Equal(["2026-02", "2026-03"], after.Bills.Select(b => b.Month).ToArray());
        Assert.All(after.Bills, b => Assert.Equal(-MonthlyRate, b.Total));
        var line = Assert.Single(await LinesAsync(factory, after.Bills[0].BillId));
        Assert.Equal(("refund", "worker.deceased"), (line.Kind, line.Reason));
        var money = await MoneyAsync(factory, programme);
        Assert.Equal((MonthlyRate, 3 * MonthlyRate, 2 * MonthlyRate), (money.Billed, money.Paid, money.RefundsOwed));
        Assert.All(money.Invariants, i => Assert.True(i.Holds, i.Code));
        Assert.True((await ProtectionAsync(factory, w.Nik, "2026-01-19")).Protected);
        Assert.Contains((await ProtectionAsync(factory, w.Nik, "2026-02-10")).Reasons, r => r.Code == "worker.deceased");
    }

    [Fact]
    public async Task Bill_TwoRunsAtOnce_IssueOneBill_AndTwoPaymentsAtOnceNeverOverAllocate()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-01"));
        var w = await BillingTestKit.CreateWorkerAsync(factory);
        await EnrollAsync(factory, programme, w.Id);

        var runs = await Task.WhenAll(Task.Run(() => BillAsync(factory, programme)), Task.Run(() => BillAsync(factory, programme)));
        var payments = await Task.WhenAll(
            Task.Run(() => PayAsync(factory, programme, MonthlyRate, "2026-01-05")),
            Task.Run(() => PayAsync(factory, programme, MonthlyRate, "2026-01-05")));

        Assert.Equal(1, runs.Sum(r => r.BillsIssued));
        Assert.Equal(MonthlyRate, payments.Sum(p => p.Allocated));
        Assert.Equal(MonthlyRate, payments.Sum(p => p.Unallocated));
        var money = await MoneyAsync(factory, programme);
        Assert.Equal((MonthlyRate, MonthlyRate, MonthlyRate), (money.Billed, money.Paid, money.Unallocated));
        Assert.All(money.Invariants, i => Assert.True(i.Holds, i.Code));
    }

    [Fact]
    public async Task Money_AfterAnEndingNotYetBilled_ShowsThePendingAdjustment_AndTheInvariantsHold()
    {
        var programme = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2026-01", To: "2026-03"));
        var w = await BillingTestKit.CreateWorkerAsync(factory);
        var enrolled = await EnrollAsync(factory, programme, w.Id);
        await BillAsync(factory, programme);

        await EndAsync(factory, enrolled.Verdicts[0].EnrollmentId!.Value, "wage_earner", "2026-01");
        var before = await MoneyAsync(factory, programme);
        await BillAsync(factory, programme);
        var after = await MoneyAsync(factory, programme);

        Assert.Equal((3 * MonthlyRate, -2 * MonthlyRate, MonthlyRate), (before.Billed, before.PendingAdjustments, before.Committed));
        Assert.All(before.Invariants, i => Assert.True(i.Holds, i.Code));
        Assert.Equal((MonthlyRate, 0L), (after.Billed, after.PendingAdjustments));
        Assert.All(after.Invariants, i => Assert.True(i.Holds, i.Code));
    }
}
