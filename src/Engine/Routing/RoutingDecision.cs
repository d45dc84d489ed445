using System.Collections.Immutable;
using System.Text.Json.Nodes;
using LowCode.Rules.Runtime;

namespace LowCode.Engine.Routing;

/// <summary>
/// The outcome of one evaluation: the step to go to (when a routing rule fired), everything else the rules asked
/// for, the data after setData actions, and the explainable trace to store with the decision.
/// </summary>
public sealed record RoutingDecision(
    string RuleSet,
    long Version,
    string? NextStep,
    string? RoutedBy,
    ImmutableArray<RuleOutput> Actions,
    JsonObject Data,
    ImmutableArray<string> FiredRules,
    string TraceJson);
