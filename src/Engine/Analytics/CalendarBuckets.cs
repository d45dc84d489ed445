namespace LowCode.Engine.Analytics;

/// <summary>Calendar days or ISO weeks (Monday first) of a time zone that overlap a window, each clipped to it.</summary>
internal static class CalendarBuckets
{
    public sealed record Bucket(DateOnly Day, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    public static IReadOnlyList<Bucket> Of(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, bool weeks)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime);
        if (weeks)
        {
            day = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        }

        var buckets = new List<Bucket>();
        while (true)
        {
            var next = day.AddDays(weeks ? 7 : 1);
            var start = StartOf(day, zone);
            if (start >= to)
            {
                break;
            }

            var end = StartOf(next, zone);
            buckets.Add(new Bucket(day, start < from ? from : start, end > to ? to : end));
            day = next;
        }

        return buckets;
    }

    /// <summary>The instant a day begins in a zone; where a clock change skips midnight, the first instant that exists.</summary>
    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
