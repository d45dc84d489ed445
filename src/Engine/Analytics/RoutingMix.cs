namespace LowCode.Engine.Analytics;

/// <summary>
/// The routes one rule-set version decided for a process, beside the routes its previous version decided (the whole
/// log of the process, not a window: each version had its own time).
/// </summary>
public sealed record RoutingMix(string RuleSetKey, int Version, int Decisions, int PreviousDecisions, IReadOnlyList<RoutingShare> Routes);
