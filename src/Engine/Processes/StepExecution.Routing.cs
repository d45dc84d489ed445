using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Metadata;
using LowCode.Engine.Routing;
using LowCode.Rules.Facts;
using LowCode.Rules.Runtime;

namespace LowCode.Engine.Processes;

internal sealed partial class StepExecution
{
    /// <summary>
    /// Decides where the instance goes after <paramref name="step"/> and records the decision with everything it was
    /// decided on. Returns the next step, or null when the instance stops here (NO_ROUTE or a failing rule set).
    /// </summary>
    private async Task<string?> DecideAsync(StepDefinition step, string? outcome, CancellationToken cancellationToken)
    {
        await LoadGroupKeysAsync(cancellationToken).ConfigureAwait(false);
        var routingEvent = new RoutingEvent(RoutingFacts.DefaultEvent, step.Key, outcome);
        var view = View();
        var facts = new JsonObject
        {
            [RoutingFacts.Data] = view.DeepClone(),
            [RoutingFacts.Event] = new JsonObject { ["type"] = routingEvent.Type, ["step"] = step.Key, ["outcome"] = outcome },
            [RoutingFacts.Instance] = InstanceFact(),
            ["exceptions"] = new JsonArray([.. state.Exceptions.Select(e => (JsonNode?)ExceptionFact(e))]),
        };
        var payload = new JsonObject { ["outcome"] = outcome, ["facts"] = facts };

        RoutingDecision? decision = null;
        if (process.RuleSet is { } ruleSetKey)
        {
            var current = await services.RuleSets.GetCurrentAsync(db, ruleSetKey, cancellationToken).ConfigureAwait(false);
            payload["ruleSetKey"] = ruleSetKey;
            payload["ruleSetVersion"] = current?.Version;
            if (current is { RuleSet: null })
            {
                var problems = string.Join("; ", current.Problems.Select(p => $"{p.Path}: {p.Message}"));
                return Stop(step, payload, "RULE_SET_INVALID", $"Rule set '{ruleSetKey}' version {current.Version} does not compile ({problems}); fix and republish it.");
            }

            if (current?.RuleSet is { } compiled)
            {
                try
                {
                    decision = RoutingDecider.Decide(compiled, view, routingEvent, [.. ExtraFacts()]);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    return Stop(step, payload, "RULE_FAILED", $"Rule set '{ruleSetKey}' version {current.Version} failed while routing from '{step.Key}': {ex.Message}");
                }
            }
        }

        string? target = null;
        var source = "none";
        if (decision is not null)
        {
            // Compare like with like: the data fact's JSON before the rules ran against its JSON after.
            DataView.ApplyChanges(state.Data, decision.DataBefore!, decision.Data);
            payload["firedRules"] = new JsonArray([.. decision.FiredRules.Select(r => (JsonNode?)r)]);
            payload["routedBy"] = decision.RoutedBy;
            payload["trace"] = JsonNode.Parse(decision.TraceJson);
            if (decision.NextStep is { } next)
            {
                (target, source) = (next, "rule");
            }
        }

        if (target is null && outcome is not null && step.Transitions.TryGetValue(outcome, out var transition))
        {
            (target, source) = (transition, "transition");
        }

        if (target is null && step.Next is { } following)
        {
            (target, source) = (following, "next");
        }

        payload["target"] = target;
        payload["source"] = source;
        Append(EventTypes.RouteDecided, payload, step.Key);
        if (decision is not null)
        {
            Carry(decision, step.Key);
        }

        if (target is null)
        {
            Raise("NO_ROUTE", $"No rule, transition{(outcome is null ? string.Empty : $" for outcome '{outcome}'")} or next step leads on from '{step.Key}'.", "error", step.Key, null);
        }

        return target;
    }

    private string? Stop(StepDefinition step, JsonObject payload, string code, string message)
    {
        payload["target"] = null;
        payload["source"] = "none";
        payload["error"] = message;
        Append(EventTypes.RouteDecided, payload, step.Key);
        Raise(code, message, "error", step.Key, null);
        return null;
    }

    /// <summary>Carries out what the rules asked for besides routing; kinds the next issues implement are logged for them.</summary>
    private void Carry(RoutingDecision decision, string stepKey)
    {
        foreach (var action in decision.Actions)
        {
            switch (action.Name)
            {
                case ActionTypes.RaiseException:
                    Raise(
                        Argument(action, "code") ?? "RULE_EXCEPTION",
                        Argument(action, "message") ?? $"Raised by rule '{action.Rule}'.",
                        Argument(action, "severity") ?? "warning",
                        stepKey,
                        action.Rule);
                    break;
                case ActionTypes.ResolveException when Argument(action, "code") is { } code:
                    Resolve(code, stepKey, action.Rule);
                    break;
                default:
                    CarryAtBoundary(action, stepKey);
                    var arguments = new JsonObject();
                    foreach (var (name, value) in action.Arguments)
                    {
                        arguments[name] = JsonNode.Parse(FactValue.ToJson(value));
                    }

                    Append(EventTypes.ActionRequested, new JsonObject { ["action"] = action.Name, ["rule"] = action.Rule, ["arguments"] = arguments }, stepKey);
                    break;
            }
        }
    }

    private static string? Argument(RuleOutput output, string name) =>
        output.Arguments.TryGetValue(name, out var value) ? value?.ToString() : null;

    private IEnumerable<Fact> ExtraFacts()
    {
        yield return new Fact(
            RoutingFacts.Instance,
            [new("id", instance.Id), new("processKey", instance.ProcessKey), new("processVersion", (double)instance.ProcessVersion), new("businessKey", instance.BusinessKey)],
            id: RoutingFacts.Instance);
        foreach (var exception in state.Exceptions)
        {
            yield return new Fact(
                RoutingFacts.Exception,
                [new("code", exception.Code), new("message", exception.Message), new("severity", exception.Severity), new("step", exception.Step)]);
        }
    }

    private JsonObject InstanceFact() => new()
    {
        ["id"] = instance.Id,
        ["processKey"] = instance.ProcessKey,
        ["processVersion"] = instance.ProcessVersion,
        ["businessKey"] = instance.BusinessKey,
    };

    private static JsonObject ExceptionFact(ExceptionEntry exception) => new()
    {
        ["code"] = exception.Code,
        ["message"] = exception.Message,
        ["severity"] = exception.Severity,
        ["step"] = exception.Step,
    };
}
