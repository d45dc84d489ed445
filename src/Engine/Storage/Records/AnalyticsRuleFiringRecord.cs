namespace LowCode.Engine.Storage.Records;

/// <summary>
/// A rule that fired in a route decision (one row per rule per decision), and whether its goTo won the route: the
/// per-rule firing counts of conformance. Written with the decision by <see cref="Analytics.Facts.ConformanceFacts"/>.
/// </summary>
public sealed class AnalyticsRuleFiringRecord
{
    public long Id { get; set; }

    public required string InstanceId { get; set; }

    public required string ProcessKey { get; set; }

    public DateTime InstanceStartedAt { get; set; }

    public DateTime OccurredAt { get; set; }

    public string? RuleSetKey { get; set; }

    public int RuleSetVersion { get; set; }

    public required string Rule { get; set; }

    /// <summary>The decision's route came from this rule's goTo.</summary>
    public bool Routed { get; set; }
}
