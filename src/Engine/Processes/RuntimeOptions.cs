namespace LowCode.Engine.Processes;

/// <summary>How the runtime behaves; bound from the <c>LowCode:Runtime</c> configuration section.</summary>
public sealed class RuntimeOptions
{
    /// <summary>
    /// The product's time zone: <c>today()</c> and date-only values are days in this zone. Business calendars
    /// (working days, holidays) are out of scope: SLAs are plain elapsed durations.
    /// </summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>
    /// How many automatic steps (scripts, splits, joins, routes) one transaction may pass through before the
    /// instance is stopped with a <c>STEP_LIMIT</c> exception: a guard against a routing loop with no person in it.
    /// </summary>
    public int MaxAutomaticSteps { get; set; } = 200;

    /// <summary>Timers, webhooks, notifications and signals (docs/runtime.md).</summary>
    public BoundaryOptions Boundaries { get; set; } = new();
}
