namespace LowCode.Engine.Analytics;

/// <summary>How often a rule of one rule-set version fired in the window's decisions, and how often its goTo won the route.</summary>
public sealed record RuleFiring(int RuleSetVersion, string Rule, int Fired, int Routed);
