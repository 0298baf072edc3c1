using Payung.Access.ViewAudit;

namespace Payung.Tests.Access.Audit;

public sealed class AuditFilterTests
{
    private static AuditFilter Parsed(AuditFilterRequest raw)
    {
        Assert.True(AuditFilter.TryParse(raw, out var filter, out var errors), string.Join("; ", errors.Keys));
        return filter;
    }

    [Fact]
    public void EmptyRequest_MeansNoFilterFirstPageOf50()
    {
        var filter = Parsed(new AuditFilterRequest("", " ", null, "", "", null, "", ""));

        Assert.Equal(new AuditFilter(null, null, null, null, null, null, 1, 50), filter);
        Assert.Equal("all", filter.Describe());
    }

    [Theory]
    [InlineData("1", "1", true)]
    [InlineData("1000000", "200", true)]
    [InlineData("0", "50", false)]
    [InlineData("1000001", "50", false)]
    [InlineData("1", "0", false)]
    [InlineData("1", "201", false)]
    [InlineData("-1", "50", false)]
    [InlineData("1.5", "50", false)]
    [InlineData("1", " 20 ", true)]
    public void Paging_AcceptsPages1To1000000AndSizes1To200(string page, string pageSize, bool valid)
    {
        Assert.Equal(valid, AuditFilter.TryParse(new AuditFilterRequest(Page: page, PageSize: pageSize), out _, out _));
    }

    [Theory]
    [InlineData("18", "18")]
    [InlineData("1801", "18.01")]
    [InlineData("18.01.06.2001", "18.01.06.2001")]
    public void Region_AcceptsEveryLevelDottedOrNot(string raw, string expected)
    {
        Assert.Equal(expected, Parsed(new AuditFilterRequest(Region: raw)).Region?.Value);
    }

    [Theory]
    [InlineData("Region", "18.1")]
    [InlineData("Region", "00")]
    [InlineData("Region", "18.01.06.2001.1")]
    [InlineData("Entity", "User")]
    [InlineData("Entity", "user;drop")]
    [InlineData("Entity", "1user")]
    [InlineData("Action", "hapus")]
    [InlineData("Action", "CREATE")]
    [InlineData("From", "2026-02-30")]
    [InlineData("From", "2026-4-1")]
    [InlineData("To", "0001-01-01")]
    [InlineData("To", "9999-12-31")]
    public void MalformedValues_AreListedUnderTheirQueryName(string field, string value)
    {
        var raw = field switch
        {
            "Region" => new AuditFilterRequest(Region: value),
            "Entity" => new AuditFilterRequest(Entity: value),
            "Action" => new AuditFilterRequest(Action: value),
            "From" => new AuditFilterRequest(From: value),
            _ => new AuditFilterRequest(To: value),
        };

        Assert.False(AuditFilter.TryParse(raw, out var filter, out var errors));
        Assert.Null(filter);
        Assert.Equal([field.ToLowerInvariant()], errors.Keys);
    }

    [Theory]
    [InlineData("2026-04-01", "2026-04-01", true)]
    [InlineData("2026-04-01", "2026-04-02", true)]
    [InlineData("2026-04-02", "2026-04-01", false)]
    public void Period_EndMayNotComeBeforeStart(string from, string to, bool valid)
    {
        Assert.Equal(valid, AuditFilter.TryParse(new AuditFilterRequest(From: from, To: to), out _, out _));
    }

    [Fact]
    public void Actor_LongerThan100Characters_IsRefused()
    {
        Assert.True(AuditFilter.TryParse(new AuditFilterRequest(Actor: new string('a', 100)), out _, out _));
        Assert.False(AuditFilter.TryParse(new AuditFilterRequest(Actor: new string('a', 101)), out _, out var errors));
        Assert.Contains("actor", errors.Keys);
    }

    [Fact]
    public void Describe_ListsTheFiltersAsAnEncodedQueryWithoutPaging()
    {
        var filter = Parsed(new AuditFilterRequest("budi & co", "user", "update", "1801", "2026-04-01", "2026-04-30", "3", "20"));

        Assert.Equal("actor=budi%20%26%20co&entity=user&action=update&region=18.01&from=2026-04-01&to=2026-04-30", filter.Describe());
        Assert.EndsWith("&page=3&pageSize=20", filter.ToQueryString(withPaging: true));
    }
}
