using Payung.Shared;

namespace Payung.Tests.Shared;

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("18", "18", RegionLevel.Province)]
    [InlineData("18.01", "18.01", RegionLevel.Regency)]
    [InlineData("18.01.06", "18.01.06", RegionLevel.District)]
    [InlineData("18.01.06.2001", "18.01.06.2001", RegionLevel.Village)]
    [InlineData("1801", "18.01", RegionLevel.Regency)]
    [InlineData("180106", "18.01.06", RegionLevel.District)]
    [InlineData("1801062001", "18.01.06.2001", RegionLevel.Village)]
    [InlineData("99.99.99.9999", "99.99.99.9999", RegionLevel.Village)]
    public void TryParse_WhenDottedOrUndotted_NormalisesToDotted(string text, string expected, RegionLevel level)
    {
        Assert.True(RegionCode.TryParse(text, out var code));
        Assert.Equal(expected, code.Value);
        Assert.Equal(expected, code.ToString());
        Assert.Equal(level, code.Level);
        Assert.Equal(expected.Replace(".", ""), code.Digits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("180")]
    [InlineData("18010")]
    [InlineData("1801062")]
    [InlineData("180106200")]
    [InlineData("18010620011")]
    [InlineData("00")]
    [InlineData("00.01")]
    [InlineData("0001")]
    [InlineData("18.00")]
    [InlineData("18.01.00")]
    [InlineData("18.01.06.0000")]
    [InlineData("1A")]
    [InlineData("18.0A")]
    [InlineData("18.1")]
    [InlineData("18.01.6")]
    [InlineData("18.01.06.201")]
    [InlineData("18.01.06.20011")]
    [InlineData("18.0106")]
    [InlineData("18..01")]
    [InlineData(".18")]
    [InlineData("18.")]
    [InlineData("18.01.06.2001.01")]
    [InlineData(" 18")]
    [InlineData("18 ")]
    [InlineData("18-01")]
    [InlineData("١٨")]
    public void TryParse_WhenNotARegionCode_Rejects(string? text)
    {
        Assert.False(RegionCode.TryParse(text, out _));
    }

    [Fact]
    public void Parse_WhenInvalid_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => RegionCode.Parse("18.1"));
    }

    [Fact]
    public void Parse_DottedAndUndottedFormsAreEqual()
    {
        Assert.Equal(RegionCode.Parse("18.01.06.2001"), RegionCode.Parse("1801062001"));
    }

    [Theory]
    [InlineData("18.01.06.2001", "18.01.06")]
    [InlineData("18.01.06", "18.01")]
    [InlineData("18.01", "18")]
    [InlineData("18", null)]
    public void Parent_IsOneLevelUp(string code, string? expectedParent)
    {
        var parent = RegionCode.Parse(code).Parent;

        Assert.Equal(expectedParent, parent?.Value);
    }

    [Theory]
    [InlineData("18", "18", null)]
    [InlineData("18.01", "18", "18.01")]
    [InlineData("18.01.06", "18", "18.01")]
    [InlineData("18.01.06.2001", "18", "18.01")]
    public void ProvinceAndRegencyCode_AreTheLeadingGroups(string code, string province, string? regency)
    {
        var parsed = RegionCode.Parse(code);

        Assert.Equal(province, parsed.ProvinceCode.Value);
        Assert.Equal(regency, parsed.RegencyCode?.Value);
    }

    [Theory]
    [InlineData("18", false)]
    [InlineData("18.01", false)]
    [InlineData("18.69", false)]
    [InlineData("18.70", false)]
    [InlineData("18.71", true)]
    [InlineData("18.72", true)]
    [InlineData("18.99", true)]
    [InlineData("18.69.01", false)]
    [InlineData("18.71.01", true)]
    [InlineData("18.71.01.1001", true)]
    public void IsKota_WhenRegencyPartIsSeventyOneOrMore(string code, bool expected)
    {
        Assert.Equal(expected, RegionCode.Parse(code).IsKota);
    }

    [Theory]
    [InlineData("18.01.06.0999", false, false)]
    [InlineData("18.01.06.1001", true, false)]
    [InlineData("18.01.06.1999", true, false)]
    [InlineData("18.01.06.2001", false, true)]
    [InlineData("18.01.06.2999", false, true)]
    [InlineData("18.01.06.3001", false, false)]
    [InlineData("18.01.06", false, false)]
    [InlineData("18.71", false, false)]
    public void IsKelurahanAndIsDesa_FollowTheFirstVillageDigit(string code, bool kelurahan, bool desa)
    {
        var parsed = RegionCode.Parse(code);

        Assert.Equal(kelurahan, parsed.IsKelurahan);
        Assert.Equal(desa, parsed.IsDesa);
    }

    [Theory]
    [InlineData("18", "18", true)]
    [InlineData("18.01.06.2001", "18.01.06.2001", true)]
    [InlineData("18.01.06.2001", "18.01.06", true)]
    [InlineData("18.01.06.2001", "18.01", true)]
    [InlineData("18.01.06.2001", "18", true)]
    [InlineData("18.01", "18", true)]
    [InlineData("18", "18.01", false)]
    [InlineData("18.01.06", "18.01.06.2001", false)]
    [InlineData("18.01.06.2001", "18.01.07", false)]
    [InlineData("18.01.06", "18.02", false)]
    [InlineData("18.01", "16", false)]
    [InlineData("16.04", "16.40", false)]
    public void IsWithin_WhenSelfOrDescendant(string code, string ancestor, bool expected)
    {
        Assert.Equal(expected, RegionCode.Parse(code).IsWithin(RegionCode.Parse(ancestor)));
    }

    [Fact]
    public void Default_HasNoValue()
    {
        Assert.Throws<InvalidOperationException>(() => default(RegionCode).Value);
        Assert.Equal(string.Empty, default(RegionCode).ToString());
    }

    [Fact]
    public void ParseThroughIParsable_WorksForModelBinding()
    {
        Assert.Equal(RegionCode.Parse("18.01"), Parse<RegionCode>("1801"));
    }

    private static T Parse<T>(string text)
        where T : IParsable<T> => T.Parse(text, provider: null);
}
