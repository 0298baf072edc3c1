namespace Payung.Shared;

/// <summary>A day nobody works on by decree: a national public holiday or a collective leave day (cuti bersama).</summary>
public sealed record NonWorkingDay(DateOnly Day, string Kind, string Name)
{
    public const string Holiday = "holiday";
    public const string CollectiveLeave = "collective_leave";
}

/// <summary>
/// Indonesia's working days: Monday to Friday except the public holidays and collective leave days of the joint
/// ministerial decree (SKB) of each year, which are data (<c>calendar.non_working_day</c>). The one calendar every due
/// day and every service clock is computed on. A year whose decree has not been entered counts weekends only, and
/// <see cref="HasYear"/> lets an answer say so.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, NonWorkingDay> _days;
    private readonly HashSet<int> _years;

    public WorkingCalendar(IEnumerable<NonWorkingDay> days, IEnumerable<int> years)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(years);
        _days = days.ToDictionary(d => d.Day);
        _years = [.. years];
    }

    /// <summary>Weekends only: for tests and for a database without any decree entered.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new([], []);

    public IReadOnlyCollection<int> Years => _years;

    /// <summary>Whether the decree of <paramref name="year"/> is entered; without it only weekends are known.</summary>
    public bool HasYear(int year) => _years.Contains(year);

    public NonWorkingDay? NonWorking(DateOnly day) => _days.GetValueOrDefault(day);

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_days.ContainsKey(day);

    /// <summary><paramref name="day"/> itself when it is a working day, else the next working day.</summary>
    public DateOnly OnOrNextWorkingDay(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="day"/> (a service clock: "3 working days").</summary>
    public DateOnly AddWorkingDays(DateOnly day, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        while (count > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                count--;
            }
        }

        return day;
    }

    /// <summary>
    /// A contribution month's due date: day <paramref name="dueDay"/> of the month, moved to the next working day when
    /// it falls on a weekend, public holiday or collective leave day (DOMAIN.md "Contributions").
    /// </summary>
    public DateOnly DueDate(ContributionMonth month, int dueDay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dueDay, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dueDay, 28);
        return OnOrNextWorkingDay(month.FirstDay.AddDays(dueDay - 1));
    }
}
