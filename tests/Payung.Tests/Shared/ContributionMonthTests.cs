using Payung.Shared;

namespace Payung.Tests.Shared;

public sealed class ContributionMonthTests
{
    [Theory]
    [InlineData(1900, 1)]
    [InlineData(2025, 1)]
    [InlineData(2025, 12)]
    [InlineData(2999, 12)]
    public void Constructor_WhenYearAndMonthInRange_KeepsThem(int year, int month)
    {
        var contributionMonth = new ContributionMonth(year, month);

        Assert.Equal(year, contributionMonth.Year);
        Assert.Equal(month, contributionMonth.Month);
    }

    [Theory]
    [InlineData(1899, 12)]
    [InlineData(3000, 1)]
    [InlineData(2025, 0)]
    [InlineData(2025, 13)]
    [InlineData(2025, -1)]
    public void Constructor_WhenYearOrMonthOutOfRange_Throws(int year, int month)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContributionMonth(year, month));
    }

    [Fact]
    public void Default_IsJanuary1900()
    {
        Assert.Equal(new ContributionMonth(1900, 1), default);
        Assert.Equal("1900-01", default(ContributionMonth).ToString());
    }

    [Theory]
    [InlineData("2025-12", 1, "2026-01")]
    [InlineData("2026-01", -1, "2025-12")]
    [InlineData("2025-11", 1, "2025-12")]
    [InlineData("2025-01", -1, "2024-12")]
    [InlineData("2025-05", 0, "2025-05")]
    [InlineData("2025-05", 12, "2026-05")]
    [InlineData("2025-12", 13, "2027-01")]
    [InlineData("2025-05", -25, "2023-04")]
    [InlineData("1900-01", 12 * 1100 - 1, "2999-12")]
    [InlineData("2999-12", -(12 * 1100 - 1), "1900-01")]
    public void PlusMonths_CrossesYearEnds(string start, int months, string expected)
    {
        Assert.Equal(ContributionMonth.Parse(expected), ContributionMonth.Parse(start).PlusMonths(months));
    }

    [Theory]
    [InlineData("2999-12", 1)]
    [InlineData("1900-01", -1)]
    [InlineData("2025-05", int.MaxValue)]
    [InlineData("2025-05", int.MinValue)]
    public void PlusMonths_WhenLeavingTheSupportedRange_Throws(string start, int months)
    {
        var month = ContributionMonth.Parse(start);

        Assert.Throws<ArgumentOutOfRangeException>(() => month.PlusMonths(months));
    }

    [Theory]
    [InlineData("2025-12", "2026-01", 1)]
    [InlineData("2026-01", "2025-12", -1)]
    [InlineData("2025-05", "2025-05", 0)]
    [InlineData("2025-05", "2025-09", 4)]
    [InlineData("2023-04", "2025-05", 25)]
    [InlineData("2025-05", "2023-04", -25)]
    public void MonthsUntil_IsTheSignedDifference(string from, string to, int expected)
    {
        Assert.Equal(expected, ContributionMonth.Parse(from).MonthsUntil(ContributionMonth.Parse(to)));
    }

    [Theory]
    [InlineData("2025-01", "2025-01-31")]
    [InlineData("2025-02", "2025-02-28")]
    [InlineData("2024-02", "2024-02-29")]
    [InlineData("2000-02", "2000-02-29")]
    [InlineData("1900-02", "1900-02-28")]
    [InlineData("2100-02", "2100-02-28")]
    [InlineData("2025-04", "2025-04-30")]
    [InlineData("2025-12", "2025-12-31")]
    public void LastDay_FollowsMonthLengthAndLeapYears(string month, string expectedLastDay)
    {
        var contributionMonth = ContributionMonth.Parse(month);

        Assert.Equal(DateOnly.Parse(expectedLastDay), contributionMonth.LastDay);
        Assert.Equal(1, contributionMonth.FirstDay.Day);
        Assert.Equal(contributionMonth, ContributionMonth.FromDate(contributionMonth.FirstDay));
    }

    [Theory]
    [InlineData("2025-04-30", "2025-04")]
    [InlineData("2025-05-01", "2025-05")]
    [InlineData("2025-05-31", "2025-05")]
    [InlineData("2025-12-31", "2025-12")]
    [InlineData("2026-01-01", "2026-01")]
    public void FromDate_TakesTheMonthOfTheDate(string date, string expected)
    {
        Assert.Equal(ContributionMonth.Parse(expected), ContributionMonth.FromDate(DateOnly.Parse(date)));
    }

    [Fact]
    public void FromFirstDay_WhenFirstOfMonth_ReturnsThatMonth()
    {
        Assert.Equal(new ContributionMonth(2025, 5), ContributionMonth.FromFirstDay(new DateOnly(2025, 5, 1)));
    }

    [Theory]
    [InlineData("2025-04-30")]
    [InlineData("2025-05-02")]
    [InlineData("2025-05-31")]
    public void FromFirstDay_WhenNotFirstOfMonth_Throws(string date)
    {
        Assert.Throws<ArgumentException>(() => ContributionMonth.FromFirstDay(DateOnly.Parse(date)));
    }

    [Theory]
    [InlineData("1900-01", 1900, 1)]
    [InlineData("2025-05", 2025, 5)]
    [InlineData("2025-12", 2025, 12)]
    [InlineData("2999-12", 2999, 12)]
    public void Parse_WhenYyyyDashMm_ReadsYearAndMonth(string text, int year, int month)
    {
        var parsed = ContributionMonth.Parse(text);

        Assert.Equal(new ContributionMonth(year, month), parsed);
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData("2025-5")]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("1899-12")]
    [InlineData("3000-01")]
    [InlineData(" 2025-05")]
    [InlineData("2025-05 ")]
    [InlineData("2025 -05")]
    [InlineData("")]
    [InlineData("2025/05")]
    [InlineData("25-05")]
    [InlineData("2025-05-01")]
    [InlineData("2025-0a")]
    [InlineData("+025-05")]
    [InlineData("２０２５-05")]
    [InlineData(null)]
    public void TryParse_WhenNotExactlyYyyyDashMm_Rejects(string? text)
    {
        Assert.False(ContributionMonth.TryParse(text, out _));
    }

    [Fact]
    public void Parse_WhenInvalid_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => ContributionMonth.Parse("2025-13"));
    }

    [Fact]
    public void Parse_WhenNull_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => ContributionMonth.Parse(null!));
    }

    [Fact]
    public void ParseThroughIParsable_WorksForModelBinding()
    {
        Assert.Equal(new ContributionMonth(2025, 5), ParseAs<ContributionMonth>("2025-05"));
        Assert.False(TryParseAs<ContributionMonth>("2025-5"));
    }

    [Theory]
    [InlineData("2025-11", "2025-12", -1)]
    [InlineData("2025-12", "2025-12", 0)]
    [InlineData("2026-01", "2025-12", 1)]
    [InlineData("2024-12", "2025-01", -1)]
    public void Comparison_OrdersChronologically(string left, string right, int expectedSign)
    {
        var a = ContributionMonth.Parse(left);
        var b = ContributionMonth.Parse(right);

        Assert.Equal(expectedSign, Math.Sign(a.CompareTo(b)));
        Assert.Equal(expectedSign, Math.Sign(((IComparable)a).CompareTo(b)));
        Assert.Equal(expectedSign < 0, a < b);
        Assert.Equal(expectedSign <= 0, a <= b);
        Assert.Equal(expectedSign > 0, a > b);
        Assert.Equal(expectedSign >= 0, a >= b);
        Assert.Equal(expectedSign == 0, a == b);
        Assert.Equal(expectedSign != 0, a != b);
        Assert.Equal(expectedSign == 0, a.Equals((object)b));
        Assert.Equal(expectedSign == 0, a.GetHashCode() == b.GetHashCode());
    }

    [Fact]
    public void CompareTo_WhenObjectIsNotAContributionMonth_Throws()
    {
        IComparable month = new ContributionMonth(2025, 5);

        Assert.Equal(1, month.CompareTo(null));
        Assert.Throws<ArgumentException>(() => month.CompareTo("2025-05"));
    }

    private static T ParseAs<T>(string text)
        where T : IParsable<T> => T.Parse(text, provider: null);

    private static bool TryParseAs<T>(string text)
        where T : IParsable<T> => T.TryParse(text, provider: null, out _);
}
