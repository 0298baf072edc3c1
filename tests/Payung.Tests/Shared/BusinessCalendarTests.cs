using System.Globalization;
using Payung.Shared;

namespace Payung.Tests.Shared;

public sealed class BusinessCalendarTests
{
    [Theory]
    [InlineData("2026-11-30T16:59:59Z", "2026-11-30")]
    [InlineData("2026-11-30T17:00:00Z", "2026-12-01")]
    [InlineData("2026-11-30T17:30:00Z", "2026-12-01")]
    [InlineData("2026-12-01T16:59:59Z", "2026-12-01")]
    [InlineData("2026-12-31T16:59:59Z", "2026-12-31")]
    [InlineData("2026-12-31T17:00:00Z", "2027-01-01")]
    [InlineData("2028-02-28T17:00:00Z", "2028-02-29")]
    public void Today_IsTheDateInJakarta(string utcInstant, string expectedDate)
    {
        var calendar = new BusinessCalendar(new FixedTimeProvider(utcInstant));

        Assert.Equal(DateOnly.Parse(expectedDate, CultureInfo.InvariantCulture), calendar.Today());
    }

    [Theory]
    [InlineData("2026-11-30T16:59:59Z", "2026-11")]
    [InlineData("2026-11-30T17:30:00Z", "2026-12")]
    [InlineData("2026-12-31T16:59:59Z", "2026-12")]
    [InlineData("2026-12-31T17:00:00Z", "2027-01")]
    public void CurrentMonth_IsTheMonthInJakarta(string utcInstant, string expectedMonth)
    {
        var calendar = new BusinessCalendar(new FixedTimeProvider(utcInstant));

        Assert.Equal(ContributionMonth.Parse(expectedMonth), calendar.CurrentMonth());
    }

    private sealed class FixedTimeProvider(string utcInstant) : TimeProvider
    {
        private readonly DateTimeOffset _utcNow = DateTimeOffset.Parse(utcInstant, CultureInfo.InvariantCulture);

        // A local zone far from Jakarta, to show the calendar does not use the machine's zone.
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("Test/Minus10", TimeSpan.FromHours(-10), "UTC-10", "UTC-10");

        public override DateTimeOffset GetUtcNow() => _utcNow;
    }
}
