using System.Collections.Immutable;
using System.Text.Json.Nodes;
using LowCode.Rules.Facts;
using LowCode.Rules.Runtime;

namespace LowCode.Engine.Routing;

/// <summary>
/// The outcome of one evaluation: the step to go to (when a routing rule fired), everything else the rules asked
/// for, what setData actions changed in the data, and the explainable trace to store with the decision.
/// </summary>
public sealed class RoutingDecision
{
    private readonly Fact _data;
    private readonly string _dataJson;

    internal RoutingDecision(
        string ruleSet,
        long version,
        string? nextStep,
        string? routedBy,
        ImmutableArray<RuleOutput> actions,
        ImmutableArray<string> firedRules,
        string traceJson,
        Fact data,
        string dataJson,
        ImmutableDictionary<string, string> dataChanges)
    {
        RuleSet = ruleSet;
        Version = version;
        NextStep = nextStep;
        RoutedBy = routedBy;
        Actions = actions;
        FiredRules = firedRules;
        TraceJson = traceJson;
        _data = data;
        _dataJson = dataJson;
        DataChanges = dataChanges;
    }

    public string RuleSet { get; }

    public long Version { get; }

    public string? NextStep { get; }

    public string? RoutedBy { get; }

    public ImmutableArray<RuleOutput> Actions { get; }

    public ImmutableArray<string> FiredRules { get; }

    public string TraceJson { get; }

    /// <summary>
    /// The top-level data keys setData actions added or changed, each with its new value as JSON (as the rules engine
    /// normalises it). Empty when the rules changed nothing, which is the common case and costs nothing to tell.
    /// </summary>
    public ImmutableDictionary<string, string> DataChanges { get; }

    /// <summary>The data fact after the rules ran (rendered on each read).</summary>
    public JsonObject Data => JsonNode.Parse(_data.ToJson())!.AsObject();

    /// <summary>The data fact as the rules received it, before any setData action (rendered on each read).</summary>
    public JsonObject DataBefore => JsonNode.Parse(Fact.Parse(RoutingFacts.Data, _dataJson).ToJson())!.AsObject();
}
