namespace LowCode.Engine.Storage.Records;

/// <summary>
/// One entry of the append-only event log: the source of truth for audit and analytics. Rows are inserted,
/// never updated or deleted.
/// </summary>
public sealed class EventRecord
{
    public long Id { get; set; }

    public required string Type { get; set; }

    public string? InstanceId { get; set; }

    public string? TaskId { get; set; }

    public string? StepKey { get; set; }

    public string? Actor { get; set; }

    /// <summary>Event details as JSON (rule and rule set version for a route decision, the definition for a publish, …).</summary>
    public required string Payload { get; set; }

    public DateTime OccurredAt { get; set; }
}
