namespace LowCode.Engine.Forms;

/// <summary>What one evaluation needs besides the form and its data: the instant and the time zone its expressions see.</summary>
public sealed record FormEvaluationOptions
{
    /// <summary>The instant <c>now()</c> and <c>today()</c> see; the caller's <see cref="TimeProvider"/> gives it, so a replay gives the same answer.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The zone of date-only values: <c>today()</c>, and the calendar date a datetime value is compared with <c>minDate</c>/<c>maxDate</c> on.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;
}
