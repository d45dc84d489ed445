namespace LowCode.Engine.Analytics;

/// <summary>
/// What decided a set of routes: the source (<c>rule</c>, <c>transition</c>, <c>next</c>; <c>branch</c> for a split),
/// the winning rule when a rule routed, and the rule-set version that decided.
/// </summary>
public sealed record RouteDriver(string Source, string? Rule, int? RuleSetVersion, int Count);
