using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace LowCode.Engine.Processes;

/// <summary>
/// One routing decision as the event log keeps it: the step and outcome decided on, the rule set version used,
/// the rules that fired, where the instance went and why (<see cref="Source"/>: <c>rule</c>, <c>transition</c>,
/// <c>next</c> or <c>none</c>), the trace, and the facts it was decided on (so a dry run can replay it).
/// </summary>
public sealed record RouteDecisionRecord(
    long Sequence,
    DateTimeOffset DecidedAt,
    string Step,
    string? Outcome,
    string? RuleSetKey,
    int? RuleSetVersion,
    ImmutableArray<string> FiredRules,
    string? RoutedBy,
    string? Target,
    string Source,
    JsonNode? Trace,
    JsonObject Facts);
