namespace LowCode.Engine.Storage.Records;

/// <summary>
/// An instance's analytics summary, written by the runtime as it appends events (<see cref="Analytics.Facts.AnalyticsFacts"/>):
/// the steps in the order they finished, the cycle time and the first SLA breach. It holds no personal data, so erasure keeps it.
/// </summary>
public sealed class AnalyticsInstanceRecord
{
    public required string InstanceId { get; set; }

    public required string ProcessKey { get; set; }

    public DateTime StartedAt { get; set; }

    /// <summary>When the instance completed or was cancelled, as the instance row says.</summary>
    public DateTime? CompletedAt { get; set; }

    /// <summary>Whole milliseconds from start to <see cref="CompletedAt"/> (docs/analytics.md: durations).</summary>
    public long? CycleMs { get; set; }

    /// <summary>The step keys in the order the steps finished, joined with '&gt;' (the path variant).</summary>
    public string Path { get; set; } = string.Empty;

    public DateTime? FirstSlaBreachAt { get; set; }
}
