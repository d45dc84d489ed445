namespace LowCode.Engine.Storage.Records;

/// <summary>
/// A durable timer (an SLA or a wait step). Pollers claim due timers with a lease so several nodes can poll safely;
/// a timer whose lease ran out is claimable again.
/// </summary>
public sealed class TimerRecord
{
    public required string Id { get; set; }

    public required string Kind { get; set; }

    public required string InstanceId { get; set; }

    public string? TaskId { get; set; }

    public string? StepKey { get; set; }

    public DateTime DueAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseUntil { get; set; }

    public DateTime? FiredAt { get; set; }

    public int Attempts { get; set; }

    public required string Payload { get; set; }
}
