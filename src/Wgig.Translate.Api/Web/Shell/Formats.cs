using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Wgig.Translate.Api.Web.Shell;

/// <summary>Times, numbers and durations as the viewer reads them: their culture, their time zone.</summary>
public static class Formats
{
    /// <summary>"3 December 2026 14:00" in the viewer's time zone and culture.</summary>
    public static string Time(DateTimeOffset instant, PageContext page) =>
        TimeZoneInfo.ConvertTime(instant, page.TimeZone).ToString("g", page.Formatting);

    /// <summary>A long form with the weekday, for deadlines and lease ends.</summary>
    public static string LongTime(DateTimeOffset instant, PageContext page) =>
        TimeZoneInfo.ConvertTime(instant, page.TimeZone).ToString("f", page.Formatting);

    public static string Number(int value, PageContext page) => value.ToString("N0", page.Formatting);

    /// <summary>
    /// A left-to-right value (a repository, a path) put into a sentence of any direction: isolated (U+2066 … U+2069), so an Arabic
    /// sentence's punctuation stays outside it and its own dots and slashes stay in order.
    /// </summary>
    public static string Isolate(string value) => $"\u2066{value}\u2069";

    /// <summary>The ISO form for <c>&lt;time datetime&gt;</c> and scripts.</summary>
    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>How long until a moment: "2 d 3 h", "5 h 12 min", "4 min"; nothing when it has passed.</summary>
    public static string? Remaining(DateTimeOffset until, DateTimeOffset now, PageContext page, IStringLocalizer<ShellText> text)
    {
        var left = until - now;
        if (left <= TimeSpan.Zero)
        {
            return null;
        }
        return left.TotalDays >= 1 ? text["Time.DaysHours", Number((int)left.TotalDays, page), Number(left.Hours, page)]
            : left.TotalHours >= 1 ? text["Time.HoursMinutes", Number((int)left.TotalHours, page), Number(left.Minutes, page)]
            : text["Time.Minutes", Number(Math.Max(1, (int)Math.Ceiling(left.TotalMinutes)), page)];
    }
}
