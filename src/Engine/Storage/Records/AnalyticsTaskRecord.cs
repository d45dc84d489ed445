namespace LowCode.Engine.Storage.Records;

/// <summary>
/// One visit of a task step as analytics reads it: creation, first claim, first completion, and the waiting and working
/// milliseconds between them (docs/analytics.md defines both). Written by the runtime as it appends the task's events.
/// </summary>
public sealed class AnalyticsTaskRecord
{
    public required string TaskId { get; set; }

    public required string InstanceId { get; set; }

    public required string ProcessKey { get; set; }

    public required string StepKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ClaimedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    /// <summary>From creation to the first claim, or to the completion when nobody claimed the task.</summary>
    public long? WaitingMs { get; set; }

    /// <summary>From the first claim to the completion, for claimed tasks.</summary>
    public long? WorkingMs { get; set; }
}
