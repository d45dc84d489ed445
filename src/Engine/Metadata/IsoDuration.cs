using System.Globalization;
using System.Text.RegularExpressions;

namespace LowCode.Engine.Metadata;

/// <summary>
/// ISO-8601 durations as authors write them for SLAs and timers: <c>P3D</c>, <c>PT4H</c>, <c>P1W</c>, <c>P1DT12H</c>.
/// Years and months are rejected because their length depends on the calendar; write days instead.
/// </summary>
public static partial class IsoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration, out string? error)
    {
        duration = TimeSpan.Zero;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The duration is empty. Write an ISO-8601 duration such as 'P3D' (3 days) or 'PT4H' (4 hours).";
            return false;
        }

        var match = Pattern().Match(text);
        if (!match.Success || text is "P" or "PT" || text.EndsWith('T'))
        {
            error = $"'{text}' is not an ISO-8601 duration. Write it as P[n]W, or P[n]D followed by T[n]H[n]M[n]S, e.g. 'P3D', 'PT4H', 'P1DT12H', 'PT30M'.";
            return false;
        }

        if (match.Groups["years"].Success || match.Groups["months"].Success)
        {
            error = $"'{text}' uses years or months, whose length depends on the calendar. Write days instead, e.g. 'P30D'.";
            return false;
        }

        double Part(string name) => match.Groups[name].Success ? double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        try
        {
            duration = TimeSpan.FromDays(Part("weeks") * 7 + Part("days"))
                + TimeSpan.FromHours(Part("hours"))
                + TimeSpan.FromMinutes(Part("minutes"))
                + TimeSpan.FromSeconds(Part("seconds"));
        }
        catch (OverflowException)
        {
            error = $"'{text}' is too long a duration.";
            return false;
        }

        if (duration <= TimeSpan.Zero)
        {
            error = $"'{text}' is a zero duration. Give a positive length of time.";
            return false;
        }

        return true;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration, out var error) ? duration : throw new FormatException(error);

    [GeneratedRegex(@"^P(?:(?<years>\d+)Y)?(?:(?<months>\d+)M)?(?:(?<weeks>\d+)W)?(?:(?<days>\d+)D)?(?:T(?:(?<hours>\d+)H)?(?:(?<minutes>\d+)M)?(?:(?<seconds>\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Pattern();
}
