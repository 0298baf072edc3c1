using Payung.Shared;

namespace Payung.Tests.Shared;

public sealed class DomainRuleExceptionTests
{
    [Fact]
    public void Constructor_WhenNoStatusGiven_UsesUnprocessableEntity()
    {
        var exception = new DomainRuleException(
            "enrollment.overlapping_funding", "Pekerja sudah didanai oleh pendana lain pada bulan yang sama.");

        Assert.Equal("enrollment.overlapping_funding", exception.Code);
        Assert.Equal("Pekerja sudah didanai oleh pendana lain pada bulan yang sama.", exception.Message);
        Assert.Equal(422, exception.Status);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(409)]
    [InlineData(499)]
    public void Constructor_WhenClientErrorStatusGiven_KeepsIt(int status)
    {
        Assert.Equal(status, new DomainRuleException("enrollment.closed", "Pendaftaran sudah ditutup.", status).Status);
    }

    [Theory]
    [InlineData(399)]
    [InlineData(500)]
    public void Constructor_WhenStatusIsNotAClientError_Throws(int status)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DomainRuleException("enrollment.closed", "Pendaftaran sudah ditutup.", status));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Constructor_WhenCodeIsBlank_Throws(string code)
    {
        Assert.Throws<ArgumentException>(() => new DomainRuleException(code, "Pendaftaran sudah ditutup."));
    }
}
