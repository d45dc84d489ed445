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

        // The data view is rendered once: the rules parse this text into their data fact, and the event records the
        // same text as the decision's data fact, so replaying the decision sees exactly what the rules saw.
        var viewJson = DataView.Render(state.Data, _groupKeys!);
        var record = new DecisionPayload(outcome, viewJson, routingEvent, InstanceFact(), [.. state.Exceptions]);

        RoutingDecision? decision = null;
        if (process.RuleSet is { } ruleSetKey)
        {
            var current = await CurrentRuleSetAsync(ruleSetKey, cancellationToken).ConfigureAwait(false);
            record.RuleSetKey = ruleSetKey;
            record.RuleSetVersion = current?.Version;
            if (current is { RuleSet: null })
            {
                var problems = string.Join("; ", current.Problems.Select(p => $"{p.Path}: {p.Message}"));
                return Stop(step, record, "RULE_SET_INVALID", $"Rule set '{ruleSetKey}' version {current.Version} does not compile ({problems}); fix and republish it.");
            }

            if (current?.RuleSet is { } compiled)
            {
                try
                {
                    decision = RoutingDecider.Decide(compiled, viewJson, routingEvent, [.. ExtraFacts()]);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    return Stop(step, record, "RULE_FAILED", $"Rule set '{ruleSetKey}' version {current.Version} failed while routing from '{step.Key}': {ex.Message}");
                }
            }
        }

        string? target = null;
        var source = "none";
        if (decision is not null)
        {
            DataView.ApplyChanges(state.Data, decision.DataChanges);
            record.Decision = decision;
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

        record.Target = target;
        record.Source = source;
        AppendDecision(record, step.Key);
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

    /// <summary>The rule set version in force, remembered so the commit can check it is still the latest then.</summary>
    private async Task<CurrentRuleSet?> CurrentRuleSetAsync(string key, CancellationToken cancellationToken)
    {
        var current = await services.RuleSets.GetCurrentAsync(db, key, RuleSetsCheckedAtCommit, cancellationToken).ConfigureAwait(false);
        _ruleSetsRead[key] = current?.Version;
        return current;
    }

    private string? Stop(StepDefinition step, DecisionPayload record, string code, string message)
    {
        record.Error = message;
        AppendDecision(record, step.Key);
        Raise(code, message, "error", step.Key, null);
        return null;
    }

    private void AppendDecision(DecisionPayload record, string stepKey)
    {
        Decisions++;
        EventLog.Append(db, EventTypes.RouteDecided, instance, now, actor, record.Write, stepKey);
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

    private DecisionPayload.InstanceFact InstanceFact() => new(instance.Id, instance.ProcessKey, instance.ProcessVersion, instance.BusinessKey);
}
