using Payung.Programs.ManageProgrammes;

namespace Payung.Tests.Programs.Programmes;

/// <summary>The co-funder's part is rounded down to whole rupiah, the funder pays the rest: the parts always add up.</summary>
public sealed class CofundingSplitTests
{
    [Theory]
    [InlineData(1_000, "30", 700, 300)]
    [InlineData(999, "30", 700, 299)] // 299.7 → 299: never more than the co-funder's share
    [InlineData(1_001, "30", 701, 300)] // 300.3 → 300
    [InlineData(1_003, "30", 703, 300)] // 300.9 → 300: the remainder stays with the funder
    [InlineData(375_060_000, "30", 262_542_000, 112_518_000)] // Lampung Selatan's 2025 figure, 70/30
    [InlineData(84_000, "33.33", 56_003, 27_997)] // 27,997.2
    [InlineData(100, "0.01", 100, 0)]
    [InlineData(10_000, "0.01", 9_999, 1)]
    [InlineData(1, "50", 1, 0)]
    [InlineData(0, "30", 0, 0)]
    [InlineData(16_800, "99.99", 2, 16_798)] // 16,798.32
    public void Of_SplitsByTheShareRoundingTheCofunderDown(long amount, string percent, long funder, long cofunder)
    {
        var split = CofundingSplit.Of(amount, decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new CofundingSplit(funder, cofunder), split);
        Assert.Equal(amount, split!.Funder + split.Cofunder);
    }

    [Fact]
    public void Of_AnyAmountAndShare_AddsUpExactlyAndNeverOverchargesTheCofunder()
    {
        var random = new Random(20260522);
        for (var i = 0; i < 10_000; i++)
        {
            var amount = random.NextInt64(0, 10_000_000_000_000);
            var percent = random.Next(1, 10_000) / 100m;

            var split = CofundingSplit.Of(amount, percent)!;

            Assert.Equal(amount, split.Funder + split.Cofunder);
            Assert.InRange(amount * percent / 100m - split.Cofunder, 0m, 0.999999m);
        }
    }

    [Fact]
    public void Of_WithoutCofunder_IsNull() => Assert.Null(CofundingSplit.Of(1_000, null));

    [Fact]
    public void Of_NegativeAmount_IsABrokenInvariant() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CofundingSplit.Of(-1, 30));
}
