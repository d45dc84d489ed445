namespace LowCode.Engine.Storage.Records;

/// <summary>Work for a person (or an external participant) at one step of one instance.</summary>
public sealed class TaskRecord
{
    public required string Id { get; set; }

    public required string InstanceId { get; set; }

    public required string StepKey { get; set; }

    public string? FormKey { get; set; }

    public int? FormVersion { get; set; }

    public required string Status { get; set; }

    public string? AssigneeRole { get; set; }

    public string? AssigneeUser { get; set; }

    public string? ExternalEmail { get; set; }

    /// <summary>Hash of the scoped link token an external participant uses; the token itself is never stored.</summary>
    public string? ExternalTokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ClaimedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public DateTime? DueAt { get; set; }

    public string? CompletedBy { get; set; }

    public string? Outcome { get; set; }

    /// <summary>The submitted form data as JSON.</summary>
    public string? Data { get; set; }

    public required string ETag { get; set; }
}
