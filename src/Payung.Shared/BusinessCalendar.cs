namespace Payung.Shared;

/// <summary>
/// "Today" and "this contribution month" as the business sees them. Servers usually run on UTC, where
/// 00:00–07:00 WIB still falls on the previous day; a contribution due by the 15th or a month boundary
/// must follow the Indonesian date, not the server's.
/// </summary>
public sealed class BusinessCalendar
{
    private static readonly TimeZoneInfo Jakarta = FindJakarta();

    private readonly TimeProvider _timeProvider;

    public BusinessCalendar(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    public DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_timeProvider.GetUtcNow(), Jakarta).DateTime);

    public ContributionMonth CurrentMonth() => ContributionMonth.FromDate(Today());

    // Slim images may ship without the tz database. WIB has been a fixed UTC+7 without daylight saving since
    // 1964, so the fixed offset gives the same answer for every date this system handles.
    private static TimeZoneInfo FindJakarta()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Jakarta", TimeSpan.FromHours(7), "WIB", "Waktu Indonesia Barat");
        }
    }
}
