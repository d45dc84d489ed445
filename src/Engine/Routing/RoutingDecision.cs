using System.Collections.Immutable;
using System.Text.Json.Nodes;
using LowCode.Rules.Runtime;

namespace LowCode.Engine.Routing;

/// <summary>
/// The outcome of one evaluation: the step to go to (when a routing rule fired), everything else the rules asked
/// for, the data before and after setData actions (both as the rules engine normalises it, so they compare like with
/// like), and the explainable trace to store with the decision.
/// </summary>
public sealed record RoutingDecision(
    string RuleSet,
    long Version,
    string? NextStep,
    string? RoutedBy,
    ImmutableArray<RuleOutput> Actions,
    JsonObject Data,
    ImmutableArray<string> FiredRules,
    string TraceJson)
{
    /// <summary>The data fact as the rules received it, before any setData action.</summary>
    public JsonObject? DataBefore { get; init; }
}
