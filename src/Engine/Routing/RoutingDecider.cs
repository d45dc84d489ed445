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
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(routingEvent);
        var session = ruleSet.CreateSession(new SessionOptions { Trace = true });
        var dataFact = Fact.Parse(RoutingFacts.Data, data.ToJsonString(), id: RoutingFacts.Data);
        var before = JsonNode.Parse(dataFact.ToJson())!.AsObject();
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
            JsonNode.Parse(dataFact.ToJson())!.AsObject(),
            [.. session.Trace!.FiredRules],
            session.Trace.ToJson())
        {
            DataBefore = before,
        };
    }
}
