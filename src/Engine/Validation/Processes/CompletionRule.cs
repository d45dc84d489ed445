using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Processes;

/// <summary>
/// Every instance must be able to finish: each step needs a path to an end step (a loop with no way out traps
/// every instance that enters it), and a parallel join needs a split whose branches it waits for.
/// </summary>
internal sealed class CompletionRule : DefinitionRule<ProcessDefinition>
{
    protected override void Check(ProcessDefinition definition, RuleContext context)
    {
        var hasSplit = definition.Steps.Any(s => s.ParsedType() == StepType.ParallelSplit);
        for (var i = 0; i < definition.Steps.Length; i++)
        {
            if (definition.Steps[i].ParsedType() == StepType.ParallelJoin && !hasSplit)
            {
                context.Report(
                    JsonPath.Root.Property("steps").Index(i),
                    "step.joinWithoutSplit",
                    $"The parallelJoin '{definition.Steps[i].Key}' waits for the branches of a parallelSplit, but the process has none, so it could never complete. Add a parallelSplit before it or change the step type.");
            }
        }

        var ruleSet = definition.RuleSet is { } key ? context.Catalog.FindRuleSet(key) : null;
        var ruleEdges = ruleSet is null ? [] : RoutingEdges.Edges(definition, ruleSet).ToList();

        // Without the rule set in hand, a step with no way out of its own may be routed by rules we cannot see.
        var rulesUnknown = definition.RuleSet is not null && ruleSet is null;
        var edges = definition.Steps.SelectMany(s => s.Targets().Select(t => (From: s.Key, To: t))).Concat(ruleEdges);
        var predecessors = edges.ToLookup(e => e.To, e => e.From, StringComparer.Ordinal);

        var finishing = new HashSet<string>(definition.Steps.Where(s => s.ParsedType() == StepType.End).Select(s => s.Key), StringComparer.Ordinal);
        if (finishing.Count == 0)
        {
            return;
        }

        var pending = new Stack<string>(finishing);
        while (pending.TryPop(out var step))
        {
            foreach (var before in predecessors[step])
            {
                if (finishing.Add(before))
                {
                    pending.Push(before);
                }
            }
        }

        for (var i = 0; i < definition.Steps.Length; i++)
        {
            var step = definition.Steps[i];
            var dependsOnRules = rulesUnknown && !step.Targets().Any() && step.ParsedType() != StepType.End;
            if (!finishing.Contains(step.Key) && !dependsOnRules)
            {
                context.Report(
                    JsonPath.Root.Property("steps").Index(i),
                    "step.noWayToEnd",
                    $"From step '{step.Key}' no path leads to an end step, so an instance that gets here can never finish. Add a transition or a rule that leads out of the loop.");
            }
        }
    }
}
