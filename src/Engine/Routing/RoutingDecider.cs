using System.Collections.Immutable;
using System.Text.Json.Nodes;
using LowCode.Rules.Compilation;
using LowCode.Rules.Facts;
using LowCode.Rules.Runtime;

namespace LowCode.Engine.Routing;

/// <summary>
/// Runs one decision: inserts the data, the event and (for a step) the task as facts, plus any open exceptions the
/// caller passes, fires, and reads back what the rules decided.
/// </summary>
public static class RoutingDecider
{
    public static RoutingDecision Decide(CompiledRuleSet ruleSet, JsonObject data, RoutingEvent routingEvent, IEnumerable<Fact>? extraFacts = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Decide(ruleSet, data.ToJsonString(), routingEvent, extraFacts);
    }

    /// <summary>Decides on data given as JSON text (a JSON object), as the runtime renders it once per decision.</summary>
    public static RoutingDecision Decide(CompiledRuleSet ruleSet, string dataJson, RoutingEvent routingEvent, IEnumerable<Fact>? extraFacts = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(dataJson);
        ArgumentNullException.ThrowIfNull(routingEvent);
        var session = ruleSet.CreateSession(new SessionOptions { Trace = true });
        var dataFact = Fact.Parse(RoutingFacts.Data, dataJson, id: RoutingFacts.Data);
        var received = dataFact.Version;
        session.Insert(dataFact);
        session.Insert(new Fact(
            RoutingFacts.Event,
            [new("type", routingEvent.Type), new("step", routingEvent.Step), new("outcome", routingEvent.Outcome)],
            id: RoutingFacts.Event));
        if (routingEvent.Step is not null)
        {
            session.Insert(new Fact(RoutingFacts.Task, [new("step", routingEvent.Step), new("outcome", routingEvent.Outcome)], id: RoutingFacts.Task));
        }

        if (extraFacts is not null)
        {
            session.InsertAll(extraFacts);
        }

        session.Fire();
        var route = session.Outputs.FirstOrDefault(o => o.Name == Metadata.ActionTypes.GoTo);
        return new RoutingDecision(
            ruleSet.Name,
            ruleSet.Version,
            route?.Arguments.GetValueOrDefault("step") as string,
            route?.Rule,
            [.. session.Outputs.Where(o => o.Name != Metadata.ActionTypes.GoTo)],
            [.. session.Trace!.FiredRules],
            session.Trace.ToJson(),
            dataFact,
            dataJson,
            dataFact.Version == received ? ImmutableDictionary<string, string>.Empty : Changes(dataJson, dataFact));
    }

    /// <summary>
    /// The top-level keys whose value the rules set or changed: each value's rendering after the rules ran against its
    /// rendering in a fresh parse of the data they received, so both sides are normalised alike.
    /// </summary>
    private static ImmutableDictionary<string, string> Changes(string dataJson, Fact after)
    {
        var before = Fact.Parse(RoutingFacts.Data, dataJson);
        var changes = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in after.Fields)
        {
            var rendered = FactValue.ToJson(value);
            if (!before.TryGetField(key, out var old) || !string.Equals(FactValue.ToJson(old), rendered, StringComparison.Ordinal))
            {
                changes[key] = rendered;
            }
        }

        return changes.ToImmutable();
    }
}
