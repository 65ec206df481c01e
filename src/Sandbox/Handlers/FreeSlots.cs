using System.Globalization;
using System.Text.Json.Nodes;

namespace Connector.Sandbox.Handlers;

/// <summary>
/// A calendar's bookable slots: every slot of its open hours (slotDuration long, one every slotInterval,
/// default 30 minutes), in the time zone given, that does not overlap a booked appointment or a block.
/// Past slots are offered too: the sandbox's examples book fixed dates.
/// </summary>
internal static class FreeSlots
{
    public static SortedDictionary<string, List<DateTimeOffset>> Compute(
        JsonObject calendar,
        TimeZoneInfo zone,
        DateTimeOffset from,
        DateTimeOffset to,
        IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> busy)
    {
        var duration = Minutes(calendar, "slotDuration", 30);
        var interval = Minutes(calendar, "slotInterval", duration);
        var days = new SortedDictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        var firstDay = TimeZoneInfo.ConvertTime(from, zone).Date;
        var lastDay = TimeZoneInfo.ConvertTime(to, zone).Date;
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            foreach (var (open, close) in OpenHours(calendar, day.DayOfWeek))
            {
                for (var start = day + open; start + duration <= day + close; start += interval)
                {
                    var slot = LocalTime.At(start, zone);
                    if (slot >= from && slot <= to && !busy.Any(b => b.Start < slot + duration && slot < b.End))
                    {
                        var key = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                        (days.TryGetValue(key, out var slots) ? slots : days[key] = []).Add(slot);
                    }
                }
            }
        }

        return days;
    }

    /// <summary>Length of one appointment of the calendar.</summary>
    public static TimeSpan Duration(JsonObject calendar) => Minutes(calendar, "slotDuration", 30);

    private static TimeSpan Minutes(JsonObject calendar, string field, double fallbackMinutes) =>
        Minutes(calendar, field, TimeSpan.FromMinutes(fallbackMinutes));

    private static TimeSpan Minutes(JsonObject calendar, string field, TimeSpan fallback)
    {
        if (JsonText.Number(calendar, field) is not { } amount || amount <= 0)
        {
            return fallback;
        }

        return JsonText.String(calendar, field + "Unit") == "hours"
            ? TimeSpan.FromHours(amount)
            : TimeSpan.FromMinutes(amount);
    }

    // openHours: [{daysOfTheWeek: [0..6, Sunday first], hours: [{openHour, openMinute, closeHour, closeMinute}]}]
    private static IEnumerable<(TimeSpan Open, TimeSpan Close)> OpenHours(JsonObject calendar, DayOfWeek weekday)
    {
        foreach (var entry in (calendar["openHours"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var days = (entry["daysOfTheWeek"] as JsonArray ?? []).Select(JsonText.AsNumber);
            if (!days.Contains((int)weekday))
            {
                continue;
            }

            foreach (var hours in (entry["hours"] as JsonArray ?? []).OfType<JsonObject>())
            {
                yield return (Clock(hours, "open"), Clock(hours, "close"));
            }
        }
    }

    private static TimeSpan Clock(JsonObject hours, string which) =>
        TimeSpan.FromHours(JsonText.Number(hours, which + "Hour") ?? 0)
        + TimeSpan.FromMinutes(JsonText.Number(hours, which + "Minute") ?? 0);
}
