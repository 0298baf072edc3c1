using Payung.Billing.CheckProtection;
using Payung.Billing.HandOverToSelfPaid;
using Payung.Shared;

namespace Payung.Tests.Billing.SelfPaid;

/// <summary>The participant texts' schedule of amounts and their rule sentences, without a database.</summary>
public sealed class SelfPaidMessageTests
{
    private static readonly ProtectionRule Rule = new("test", ContributionMonth.Parse("2020-01"), null, 15, 3, false);

    /// <summary>Months from <paramref name="first"/> on, one amount per month as written ("8400*9,16800*16").</summary>
    private static List<SelfPaidMonth> Months(string first, string amounts)
    {
        var month = ContributionMonth.Parse(first);
        var list = new List<SelfPaidMonth>();
        foreach (var part in amounts.Split(','))
        {
            var (amount, count) = (long.Parse(part.Split('*')[0]), int.Parse(part.Split('*')[1]));
            for (var i = 0; i < count; i++, month = month.PlusMonths(1))
            {
                list.Add(new SelfPaidMonth(month, amount));
            }
        }

        return list;
    }

    [Theory]
    // One amount through the whole look-ahead: it runs on.
    [InlineData("2027-01", "16800*25", "Rp16.800/bulan mulai Januari 2027")]
    // A change inside the year, then one amount to the end.
    [InlineData("2026-04", "8400*9,16800*16", "Rp8.400/bulan April–Desember 2026, Rp16.800/bulan mulai Januari 2027")]
    // A single month, then the full amount.
    [InlineData("2026-12", "8400*1,16800*24", "Rp8.400/bulan Desember 2026, Rp16.800/bulan mulai Januari 2027")]
    // The change right after the twelfth month is still named (the thirteenth month is inside the horizon).
    [InlineData("2026-01", "8400*12,16800*13", "Rp8.400/bulan Januari–Desember 2026, Rp16.800/bulan mulai Januari 2027")]
    // A period running past the year shows its end and the first change after it, across years.
    [InlineData("2026-01", "8400*15,16800*10", "Rp8.400/bulan Januari 2026–Maret 2027, Rp16.800/bulan mulai April 2027")]
    // Changes after the first one beyond the horizon are left out.
    [InlineData("2026-01", "8400*15,16800*3,9000*7", "Rp8.400/bulan Januari 2026–Maret 2027, Rp16.800/bulan mulai April 2027")]
    // The rate tables end early: the last period is closed, never "mulai".
    [InlineData("2026-01", "16800*3,8400*2", "Rp16.800/bulan Januari–Maret 2026, Rp8.400/bulan April–Mei 2026")]
    [InlineData("2026-01", "16800*24", "Rp16.800/bulan Januari 2026–Desember 2027")]
    public void Schedule_GroupsConsecutiveMonthsWithOneAmount_AndSaysMulaiOnlyWhenItRunsOn(string first, string amounts, string expected) =>
        Assert.Equal(expected, SelfPaidMessage.Schedule(Months(first, amounts)));

    [Fact]
    public void Reminder_NamesTheMonthsDueDateOnWorkingDays_TheLastDayOfTheWindow_AndTheRulesLapseMonths()
    {
        var rule = Rule with { DueDay = 20, LapseMonths = 4 };
        var calendar = new WorkingCalendar([new NonWorkingDay(new DateOnly(2026, 5, 20), NonWorkingDay.Holiday, "Libur uji")], [2026]);

        var text = SelfPaidMessage.Reminder("Rina", ContributionMonth.Parse("2026-05"), null, 8_400, rule, calendar, "Bayar di kantor pos.");

        // The 20th is a holiday in this calendar: the due date is Thursday the 21st. April was the last month paid, so
        // the arrears may be paid until the end of August.
        Assert.Contains("bulan Mei 2026 sebesar Rp8.400 (jatuh tempo 21 Mei 2026)", text, StringComparison.Ordinal);
        Assert.Contains("Bayar paling lambat 31 Agustus 2026 agar kepesertaan tidak terputus.", text, StringComparison.Ordinal);
        Assert.Contains("lebih dari 4 bulan berturut-turut", text, StringComparison.Ordinal);
        Assert.DoesNotContain("15", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Handover_NamesTheRulesDueDayGenerically()
    {
        var text = SelfPaidMessage.Handover("Rina", "Pemkab", ContributionMonth.Parse("2026-12"), "12345678901", Months("2027-01", "16800*25"),
            Rule with { DueDay = 10 }, "Bayar di kantor pos.");

        Assert.Contains("paling lambat tanggal 10 (atau hari kerja berikutnya) setiap bulan.", text, StringComparison.Ordinal);
        Assert.Contains("paling lama 3 bulan; lebih dari 3 bulan berturut-turut", text, StringComparison.Ordinal);
    }
}
