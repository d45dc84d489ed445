namespace LowCode.Engine.Storage.Records;

/// <summary>
/// A route the runtime decided from a step (<see cref="Route"/>: the directly-follows relation per token, with what
/// decided it) or a parallel split entering its branches (<see cref="Split"/>), narrowed to what conformance reads. The
/// instance's start and pinned process version are copied in, so a window's cohort needs no join. Written by
/// <see cref="Analytics.Facts.ConformanceFacts"/> with the event; keys and rule names only, so erasure keeps it.
/// </summary>
public sealed class AnalyticsRouteRecord
{
    public const string Route = "r";

    public const string Split = "s";

    public long Id { get; set; }

    /// <summary><see cref="Route"/> or <see cref="Split"/>.</summary>
    public required string Kind { get; set; }

    public required string InstanceId { get; set; }

    public required string ProcessKey { get; set; }

    public int ProcessVersion { get; set; }

    public DateTime InstanceStartedAt { get; set; }

    public DateTime OccurredAt { get; set; }

    public required string FromStep { get; set; }

    /// <summary>The step routed to; null for a split and for a decision that found no route.</summary>
    public string? ToStep { get; set; }

    /// <summary>What decided: <c>rule</c>, <c>transition</c>, <c>next</c> or <c>none</c> (routes only).</summary>
    public string? Source { get; set; }

    /// <summary>The rule whose goTo won (routes decided by a rule).</summary>
    public string? RoutedBy { get; set; }

    public string? RuleSetKey { get; set; }

    public int? RuleSetVersion { get; set; }
}
