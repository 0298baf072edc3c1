using Payung.Shared;

namespace Payung.Tests.Shared;

public sealed class NikTests
{
    [Theory]
    [InlineData("1801061203850003", "1801********0003")]
    [InlineData("0000000000000000", "0000********0000")]
    [InlineData("1234567890123456", "1234********3456")]
    public void Masked_KeepsFirstAndLastFourDigits(string value, string masked)
    {
        var nik = Nik.Parse(value);

        Assert.Equal(value, nik.Value);
        Assert.Equal(masked, nik.Masked);
    }

    [Fact]
    public void ToString_IsMaskedSoLogsDoNotLeakTheNumber()
    {
        Assert.Equal("1801********0003", $"{Nik.Parse("1801061203850003")}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("180106120385000")]
    [InlineData("18010612038500031")]
    [InlineData("18010612038500O3")]
    [InlineData(" 1801061203850003")]
    [InlineData("1801-61203850003")]
    public void TryParse_WhenNotSixteenAsciiDigits_Rejects(string? value)
    {
        Assert.False(Nik.TryParse(value, out _));
    }

    [Fact]
    public void Parse_WhenInvalid_ThrowsWithoutEchoingTheInput()
    {
        var exception = Assert.Throws<FormatException>(() => Nik.Parse("180106120385000"));

        Assert.DoesNotContain("180106120385000", exception.Message);
    }

    [Fact]
    public void Default_HasNoValue()
    {
        Assert.Throws<InvalidOperationException>(() => default(Nik).Value);
        Assert.Equal(string.Empty, default(Nik).ToString());
    }
}
