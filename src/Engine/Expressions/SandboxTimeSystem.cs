using System.Globalization;
using Jint.Runtime;

namespace LowCode.Engine.Expressions;

/// <summary>
/// Jint's clock and time zone, set to the evaluation's before every run: <c>Date.now()</c>, <c>new Date()</c> and
/// local-time Date methods read the scope's instant (from the host's <see cref="TimeProvider"/>) and its configured
/// time zone, so a replay with the same scope gives the same answer.
/// </summary>
internal sealed class SandboxTimeSystem : ITimeSystem
{
    private DefaultTimeSystem _zone = new(TimeZoneInfo.Utc, CultureInfo.InvariantCulture);

    public DateTimeOffset Now { get; private set; } = DateTimeOffset.UnixEpoch;

    public TimeZoneInfo DefaultTimeZone => _zone.DefaultTimeZone;

    /// <summary>The evaluation's date in its time zone, as <c>today()</c> returns it.</summary>
    public string Today => TimeZoneInfo.ConvertTime(Now, DefaultTimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Set(DateTimeOffset now, TimeZoneInfo zone)
    {
        Now = now;
        if (!ReferenceEquals(zone, _zone.DefaultTimeZone) && zone.Id != _zone.DefaultTimeZone.Id)
        {
            _zone = new DefaultTimeSystem(zone, CultureInfo.InvariantCulture);
        }
    }

    public DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public bool TryParse(string date, out long epochMilliseconds) => _zone.TryParse(date, out epochMilliseconds);

    public TimeSpan GetUtcOffset(long epochMilliseconds) => _zone.GetUtcOffset(epochMilliseconds);
}
