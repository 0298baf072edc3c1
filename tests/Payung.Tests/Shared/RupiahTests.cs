using System.Globalization;
using Payung.Shared;

namespace Payung.Tests.Shared;

public sealed class RupiahTests
{
    [Theory]
    [InlineData(0L, "Rp0")]
    [InlineData(1L, "Rp1")]
    [InlineData(999L, "Rp999")]
    [InlineData(1_000L, "Rp1.000")]
    [InlineData(1_001L, "Rp1.001")]
    [InlineData(16_800L, "Rp16.800")]
    [InlineData(99_999L, "Rp99.999")]
    [InlineData(100_000L, "Rp100.000")]
    [InlineData(999_999L, "Rp999.999")]
    [InlineData(1_000_000L, "Rp1.000.000")]
    [InlineData(42_000_000L, "Rp42.000.000")]
    [InlineData(375_060_000L, "Rp375.060.000")]
    [InlineData(long.MaxValue, "Rp9.223.372.036.854.775.807")]
    [InlineData(-1L, "-Rp1")]
    [InlineData(-999L, "-Rp999")]
    [InlineData(-1_000L, "-Rp1.000")]
    [InlineData(-16_800L, "-Rp16.800")]
    [InlineData(long.MinValue, "-Rp9.223.372.036.854.775.808")]
    public void ToString_FormatsWholeRupiahWithDotThousandsSeparators(long value, string expected)
    {
        Assert.Equal(expected, Rupiah.Of(value).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("en-US")]
    [InlineData("id-ID")]
    public void ToString_WhateverTheCurrentCulture_FormatsTheSame(string cultureName)
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(cultureName);

            Assert.Equal("Rp375.060.000", Rupiah.Of(375_060_000).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("0.4999", 0L)]
    [InlineData("0.5", 1L)]
    [InlineData("12345.67", 12_346L)]
    [InlineData("16799.49", 16_799L)]
    [InlineData("16799.5", 16_800L)]
    [InlineData("16799.51", 16_800L)]
    [InlineData("16800.5", 16_801L)]
    [InlineData("-0.4999", 0L)]
    [InlineData("-0.5", -1L)]
    [InlineData("-16799.5", -16_800L)]
    public void RoundFromDecimal_RoundsHalfAwayFromZero(string amount, long expected)
    {
        var rounded = Rupiah.RoundFromDecimal(decimal.Parse(amount, CultureInfo.InvariantCulture));

        Assert.Equal(Rupiah.Of(expected), rounded);
    }

    [Fact]
    public void RoundFromDecimal_WhenOnePercentOfTheMinimumBasis_GivesTheJkkContribution()
    {
        Assert.Equal(Rupiah.Of(10_000), Rupiah.RoundFromDecimal(1_000_000m * 0.01m));
    }

    [Fact]
    public void RoundFromDecimal_WhenBeyondTheRangeOfLong_Throws()
    {
        Assert.Throws<OverflowException>(() => Rupiah.RoundFromDecimal((decimal)long.MaxValue + 1m));
    }

    [Fact]
    public void Multiply_WhenLampungSelatanProgramme_GivesTheReportedBudget()
    {
        // 4,465 participants × Rp16,800 × 5 months, reported as "Rp375 juta".
        var budget = Rupiah.Of(16_800) * 4_465 * 5;

        Assert.Equal(Rupiah.Of(375_060_000), budget);
    }

    [Fact]
    public void Arithmetic_AddsSubtractsNegatesAndMultipliesEitherSide()
    {
        var jkk = Rupiah.Of(10_000);
        var jkm = Rupiah.Of(6_800);

        Assert.Equal(Rupiah.Of(16_800), jkk + jkm);
        Assert.Equal(Rupiah.Of(3_200), jkk - jkm);
        Assert.Equal(Rupiah.Of(-16_800), -(jkk + jkm));
        Assert.Equal(Rupiah.Of(201_600), 12 * (jkk + jkm));
        Assert.Equal(Rupiah.Of(201_600), (jkk + jkm) * 12L);
    }

    [Fact]
    public void Add_WhenResultOverflows_Throws()
    {
        Assert.Throws<OverflowException>(() => Rupiah.Of(long.MaxValue) + Rupiah.Of(1));
    }

    [Fact]
    public void Subtract_WhenResultOverflows_Throws()
    {
        Assert.Throws<OverflowException>(() => Rupiah.Of(long.MinValue) - Rupiah.Of(1));
    }

    [Fact]
    public void Multiply_WhenResultOverflows_Throws()
    {
        Assert.Throws<OverflowException>(() => Rupiah.Of(long.MaxValue / 2 + 1) * 2);
    }

    [Fact]
    public void Negate_WhenMinValue_Throws()
    {
        Assert.Throws<OverflowException>(() => -Rupiah.Of(long.MinValue));
    }

    [Fact]
    public void Sum_WhenEmpty_IsZero()
    {
        Assert.Equal(Rupiah.Zero, Rupiah.Sum([]));
    }

    [Fact]
    public void Sum_AddsEveryAmount()
    {
        Assert.Equal(Rupiah.Of(42_000_000), Rupiah.Sum([Rupiah.Of(20_000_000), Rupiah.Of(12_000_000), Rupiah.Of(10_000_000)]));
    }

    [Fact]
    public void Sum_WhenTotalOverflows_Throws()
    {
        Assert.Throws<OverflowException>(() => Rupiah.Sum([Rupiah.Of(long.MaxValue), Rupiah.Of(1)]));
    }

    [Theory]
    [InlineData(16_799L, 16_800L, -1)]
    [InlineData(16_800L, 16_800L, 0)]
    [InlineData(16_801L, 16_800L, 1)]
    [InlineData(-1L, 0L, -1)]
    public void Comparison_OrdersByValue(long left, long right, int expectedSign)
    {
        var a = Rupiah.Of(left);
        var b = Rupiah.Of(right);

        Assert.Equal(expectedSign, Math.Sign(a.CompareTo(b)));
        Assert.Equal(expectedSign < 0, a < b);
        Assert.Equal(expectedSign <= 0, a <= b);
        Assert.Equal(expectedSign > 0, a > b);
        Assert.Equal(expectedSign >= 0, a >= b);
        Assert.Equal(expectedSign == 0, a == b);
    }

    [Fact]
    public void Zero_IsTheDefaultValue()
    {
        Assert.Equal(default, Rupiah.Zero);
        Assert.Equal(0L, Rupiah.Zero.Value);
    }
}
