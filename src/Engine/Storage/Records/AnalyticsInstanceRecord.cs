namespace LowCode.Engine.Storage.Records;

/// <summary>
/// An instance's analytics summary, written by the runtime as it appends events (<see cref="Analytics.Facts.AnalyticsFacts"/>):
/// the steps in the order they finished and the first SLA breach. It holds no personal data, so erasure keeps it.
/// </summary>
public sealed class AnalyticsInstanceRecord
{
    public required string InstanceId { get; set; }

    public required string ProcessKey { get; set; }

    public DateTime StartedAt { get; set; }

    /// <summary>The step keys in the order the steps finished, joined with '&gt;' (the path variant).</summary>
    public string Path { get; set; } = string.Empty;

    public DateTime? FirstSlaBreachAt { get; set; }
}
