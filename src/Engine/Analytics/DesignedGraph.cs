using LowCode.Engine.Metadata;

namespace LowCode.Engine.Analytics;

/// <summary>
/// The transitions a process version and a rule-set version allow: each step's <c>next</c>, <c>transitions</c> and
/// branches, and every <c>goTo</c> of an enabled rule from each step the rule is scoped to (every step when it names none).
/// </summary>
internal static class DesignedGraph
{
    public static IReadOnlyList<DesignedEdge> Of(ProcessDefinition process, RuleSetDefinition? rules)
    {
        var edges = new List<DesignedEdge>();
        foreach (var step in process.Steps)
        {
            if (step.Next is { } next)
            {
                edges.Add(new DesignedEdge(step.Key, next, "next", null));
            }

            foreach (var (outcome, target) in step.Transitions.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                edges.Add(new DesignedEdge(step.Key, target, "transition", outcome));
            }

            if (!step.Branches.IsDefault)
            {
                edges.AddRange(step.Branches.Select(branch => new DesignedEdge(step.Key, branch, "branch", null)));
            }
        }

        foreach (var rule in rules?.Rules.Where(r => !r.Disabled) ?? [])
        {
            var from = rule.Steps.IsDefaultOrEmpty
                ? process.Steps.Where(s => s.ParsedType() != StepType.End).Select(s => s.Key)
                : rule.Steps;
            foreach (var action in rule.Then.Where(a => a.Type == ActionTypes.GoTo && a.Step is not null))
            {
                edges.AddRange(from.Select(step => new DesignedEdge(step, action.Step!, "rule", rule.Name)));
            }
        }

        return edges;
    }
}
