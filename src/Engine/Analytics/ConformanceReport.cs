namespace LowCode.Engine.Analytics;

/// <summary>
/// How the instances started in a window flowed compared with the design: the flow graph discovered from their route
/// decisions, the transitions the design does not have, the designed ones nobody took, the share of instances that took
/// designed transitions only, and what the rules did. The design is each instance's pinned process version (its steps'
/// <c>next</c>, <c>transitions</c> and branches) plus the <c>goTo</c> routes of the baseline rule-set version.
/// </summary>
public sealed record ConformanceReport(
    AnalyticsWindow Window,
    string? RuleSetKey,
    int? BaselineRuleSetVersion,
    int Instances,
    int FittingInstances,
    double Fitness,
    IReadOnlyList<FlowEdge> Edges,
    IReadOnlyList<FlowEdge> Deviations,
    IReadOnlyList<DesignedEdge> DeadPaths,
    IReadOnlyList<RuleFiring> RuleFirings);
