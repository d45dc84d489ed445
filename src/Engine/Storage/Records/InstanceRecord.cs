namespace LowCode.Engine.Storage.Records;

/// <summary>A running or finished process instance, pinned to the process version it started on.</summary>
public sealed class InstanceRecord
{
    public required string Id { get; set; }

    public required string ProcessKey { get; set; }

    public int ProcessVersion { get; set; }

    public required string Status { get; set; }

    /// <summary>The instance data as JSON.</summary>
    public required string Data { get; set; }

    /// <summary>Form versions pinned at start, as JSON (form key → version).</summary>
    public required string PinnedForms { get; set; }

    public required string StartedBy { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public DateTime? DueAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public required string ETag { get; set; }
}
