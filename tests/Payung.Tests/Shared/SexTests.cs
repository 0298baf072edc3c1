using Payung.Shared;

namespace Payung.Tests.Shared;

public sealed class SexTests
{
    [Theory]
    [InlineData(Sex.Male, "M")]
    [InlineData(Sex.Female, "F")]
    public void ToCodeAndFromCode_RoundTrip(Sex sex, string code)
    {
        Assert.Equal(code, sex.ToCode());
        Assert.Equal(sex, Sex.FromCode(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("f")]
    [InlineData("L")]
    [InlineData("P")]
    [InlineData("Male")]
    [InlineData(" M")]
    public void TryFromCode_WhenNotExactlyMOrF_Rejects(string? code)
    {
        Assert.False(Sex.TryFromCode(code, out _));
    }

    [Fact]
    public void FromCode_WhenUnknown_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => Sex.FromCode("L"));
    }

    [Fact]
    public void ToCode_WhenNotADefinedValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Sex)7).ToCode());
    }
}
