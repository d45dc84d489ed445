namespace LowCode.Engine.Storage.Records;

/// <summary>A running or finished process instance, pinned to the process version it started on.</summary>
public sealed class InstanceRecord
{
    public required string Id { get; set; }

    public required string ProcessKey { get; set; }

    public int ProcessVersion { get; set; }

    /// <summary>The caller's own identifier for the case (an order number, a ticket); unique per process when given.</summary>
    public string? BusinessKey { get; set; }

    public required string Status { get; set; }

    /// <summary>The instance data as JSON.</summary>
    public required string Data { get; set; }

    /// <summary>Form versions pinned at start, as JSON (form key → version).</summary>
    public required string PinnedForms { get; set; }

    /// <summary>Where the instance waits, as JSON: the step keys of its open tasks and waiting steps.</summary>
    public string Positions { get; set; } = "[]";

    /// <summary>The open parallel splits, innermost last, as JSON: each split's key, branch count and arrivals at its join.</summary>
    public string Parallel { get; set; } = "[]";

    /// <summary>Open exceptions (raised and not yet resolved) as JSON.</summary>
    public string Exceptions { get; set; } = "[]";

    public required string StartedBy { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public DateTime? DueAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public required string ETag { get; set; }
}
