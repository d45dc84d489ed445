using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Processes;

/// <summary>Every step must be reachable from the start, through next, transitions, branches or routing rules.</summary>
internal sealed class ReachabilityRule : DefinitionRule<ProcessDefinition>
{
    protected override void Check(ProcessDefinition definition, RuleContext context)
    {
        if (definition.StartStep() is not { } start || definition.Steps.All(s => s.Key != start))
        {
            return;
        }

        var edges = definition.Steps.ToLookup(s => s.Key, s => s.Targets(), StringComparer.Ordinal);
        var ruleEdges = definition.RuleSet is { } key && context.Catalog.FindRuleSet(key) is { } ruleSet
            ? RoutingEdges.Edges(definition, ruleSet).ToLookup(e => e.From, e => e.To, StringComparer.Ordinal)
            : null;

        var reached = new HashSet<string>(StringComparer.Ordinal) { start };
        var pending = new Stack<string>([start]);
        while (pending.TryPop(out var current))
        {
            var next = edges[current].SelectMany(t => t).Concat(ruleEdges?[current] ?? []);
            foreach (var target in next)
            {
                if (reached.Add(target))
                {
                    pending.Push(target);
                }
            }
        }

        for (var i = 0; i < definition.Steps.Length; i++)
        {
            var step = definition.Steps[i];
            if (!reached.Contains(step.Key) && definition.Steps.Count(s => s.Key == step.Key) == 1)
            {
                context.Report(
                    JsonPath.Root.Property("steps").Index(i),
                    "step.unreachable",
                    $"Step '{step.Key}' can never be reached from the start step '{start}'. Point a 'next', a transition, a branch or a routing rule at it, or remove it.");
            }
        }
    }
}
