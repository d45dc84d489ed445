using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Processes;

/// <summary>
/// Every step must be reachable from the start, through next, transitions, branches or enabled routing rules. A
/// disabled rule never routes, so a step only it leads to is unreachable, and the message names the rule.
/// </summary>
internal sealed class ReachabilityRule : DefinitionRule<ProcessDefinition>
{
    protected override void Check(ProcessDefinition definition, RuleContext context)
    {
        if (definition.StartStep() is not { } start || definition.Steps.All(s => s.Key != start))
        {
            return;
        }

        var ruleEdges = definition.RuleSet is { } key && context.Catalog.FindRuleSet(key) is { } ruleSet
            ? RoutingEdges.RuleEdges(definition, ruleSet).ToList()
            : [];
        var reached = Reach(definition, start, ruleEdges.Where(e => !e.Rule.Disabled));
        var reachedWithDisabled = Reach(definition, start, ruleEdges);
        var disabledRoutes = ruleEdges
            .Where(e => e.Rule.Disabled && reachedWithDisabled.Contains(e.From) && !reached.Contains(e.To))
            .ToList();

        for (var i = 0; i < definition.Steps.Length; i++)
        {
            var step = definition.Steps[i];
            if (reached.Contains(step.Key) || definition.Steps.Count(s => s.Key == step.Key) != 1)
            {
                continue;
            }

            var message = reachedWithDisabled.Contains(step.Key)
                ? $"Step '{step.Key}' can never be reached from the start step '{start}': only a disabled rule routes here ({Names(disabledRoutes, step.Key)}). Enable the rule by removing \"disabled\", or point a 'next', a transition, a branch or an enabled routing rule at the step, or remove it."
                : $"Step '{step.Key}' can never be reached from the start step '{start}'. Point a 'next', a transition, a branch or a routing rule at it, or remove it.";
            context.Report(JsonPath.Root.Property("steps").Index(i), "step.unreachable", message);
        }
    }

    private static HashSet<string> Reach(ProcessDefinition definition, string start, IEnumerable<(string From, string To, RuleDefinition Rule)> ruleEdges)
    {
        var edges = definition.Steps.ToLookup(s => s.Key, s => s.Targets(), StringComparer.Ordinal);
        var routes = ruleEdges.ToLookup(e => e.From, e => e.To, StringComparer.Ordinal);
        var reached = new HashSet<string>(StringComparer.Ordinal) { start };
        var pending = new Stack<string>([start]);
        while (pending.TryPop(out var current))
        {
            foreach (var target in edges[current].SelectMany(t => t).Concat(routes[current]))
            {
                if (reached.Add(target))
                {
                    pending.Push(target);
                }
            }
        }

        return reached;
    }

    /// <summary>The disabled rules that lead straight to the step, or else those that open the way to it.</summary>
    private static string Names(List<(string From, string To, RuleDefinition Rule)> disabledRoutes, string step)
    {
        var direct = disabledRoutes.Where(e => e.To == step).ToList();
        var rules = (direct.Count > 0 ? direct : disabledRoutes).Select(e => e.Rule.Name).Distinct(StringComparer.Ordinal);
        return string.Join(", ", rules.Select(n => $"rule '{n}'"));
    }
}
