using System.Globalization;
using Payung.Shared;

namespace Payung.Infrastructure.Pages;

/// <summary>
/// How every page writes dates, times, months, money and counts: one format, in the page's language.
/// Bahasa Indonesia writes <c>02-12-2026 09.37 WIB</c>, <c>Rp375.060.000</c> and <c>7.285</c>; English writes
/// <c>02-12-2026 09:37 WIB</c>, <c>Rp375,060,000</c> and <c>7,285</c>. Times are shown in WIB, the time of the
/// operators (a fixed UTC+7 since 1964), whatever the server's zone. Empty values read as a dash.
/// </summary>
public static class DisplayFormat
{
    public const string Empty = "—";

    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Date(DateOnly? date) =>
        date is { } d ? d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) : Empty;

    public static string Date(DateTimeOffset? instant) =>
        instant is { } i ? i.ToOffset(Wib).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) : Empty;

    /// <summary>A moment in WIB: <c>02-12-2026 09.37 WIB</c> (English <c>09:37</c>).</summary>
    public static string DateTime(DateTimeOffset? instant) =>
        instant is { } i
            ? i.ToOffset(Wib).ToString(English ? "dd-MM-yyyy HH:mm" : "dd-MM-yyyy HH.mm", CultureInfo.InvariantCulture) + " WIB"
            : Empty;

    /// <summary>The machine-readable form for a <c>&lt;time datetime&gt;</c> attribute.</summary>
    public static string Iso(DateTimeOffset instant) => instant.ToString("o", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A contribution month by name: <c>Mei 2026</c> / <c>May 2026</c>.</summary>
    public static string Month(ContributionMonth month) => month.FirstDay.ToString("MMMM yyyy", Culture);

    /// <summary>A month given as <c>yyyy-MM</c>; anything else is shown as it is.</summary>
    public static string Month(string? yyyyMm) =>
        string.IsNullOrEmpty(yyyyMm) ? Empty : ContributionMonth.TryParse(yyyyMm, out var m) ? Month(m) : yyyyMm;

    /// <summary>A period of months: <c>Mei–September 2025</c>, or <c>Desember 2025–Maret 2026</c> across years.</summary>
    public static string Months(string? from, string? to)
    {
        if (!ContributionMonth.TryParse(from, out var first) || !ContributionMonth.TryParse(to, out var last))
        {
            return $"{Month(from)}–{Month(to)}";
        }

        if (first == last)
        {
            return Month(first);
        }

        return first.Year == last.Year
            ? $"{first.FirstDay.ToString("MMMM", Culture)}–{Month(last)}"
            : $"{Month(first)}–{Month(last)}";
    }

    public static string Rupiah(long? amount) => amount switch
    {
        null => Empty,
        < 0 => "−Rp" + Math.Abs(amount.Value).ToString("N0", Culture),
        _ => "Rp" + amount.Value.ToString("N0", Culture),
    };

    public static string Rupiah(Shared.Rupiah amount) => Rupiah(amount.Value);

    public static string Number(long? n) => n is { } v ? v.ToString("N0", Culture) : Empty;

    /// <summary>A share such as <c>34,81%</c> / <c>34.81%</c>, with as many decimals as needed up to two.</summary>
    public static string Percent(decimal? percent) => percent is { } p ? p.ToString("0.##", Culture) + "%" : Empty;

    public static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? Empty : value;
}
