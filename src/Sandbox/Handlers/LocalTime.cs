using System.Globalization;

namespace Connector.Sandbox.Handlers;

/// <summary>Time zones and the time formats of the calendar operations (local time with its offset).</summary>
internal static class LocalTime
{
    /// <summary>The IANA time zone of that id; UTC when the system does not know it.</summary>
    public static TimeZoneInfo Zone(string? id)
    {
        if (id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        return TimeZoneInfo.Utc;
    }

    /// <summary>An ISO 8601 time (an offset or Z; UTC when it has neither), or epoch milliseconds.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        var culture = CultureInfo.InvariantCulture;
        return DateTimeOffset.TryParse(text, culture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;
    }

    /// <summary>As the calendar operations answer: 2026-01-12T10:00:00-05:00.</summary>
    public static string Format(DateTimeOffset time, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(time, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The instant a local wall-clock time in a zone stands for.</summary>
    public static DateTimeOffset At(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
