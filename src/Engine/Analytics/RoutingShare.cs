namespace LowCode.Engine.Analytics;

/// <summary>One route (from a step to a target, or to no target) under a rule-set version and under the version before it.</summary>
public sealed record RoutingShare(string From, string? To, int Count, double Share, int PreviousCount, double PreviousShare);
