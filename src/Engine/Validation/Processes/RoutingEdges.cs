using LowCode.Engine.Metadata;
using LowCode.Engine.Validation.Common;

namespace LowCode.Engine.Validation.Processes;

/// <summary>The routes a rule set adds to a process graph.</summary>
internal static class RoutingEdges
{
    /// <summary>Each goTo action: its JSON path in the rule set, its target, and its rule.</summary>
    public static IEnumerable<(string Path, string Target, string Rule)> GoTos(RuleSetDefinition ruleSet) =>
        DefinitionParts.Actions(ruleSet)
            .Where(a => a.Action is { Type: ActionTypes.GoTo, Step: not null })
            .Select(a => (a.Path.Property("step"), a.Action.Step!, a.Rule.Name));

    /// <summary>Every step a rule set names: goTo targets and the steps rules are restricted to.</summary>
    public static IEnumerable<(string Path, string Step, string Rule)> StepReferences(RuleSetDefinition ruleSet)
    {
        for (var i = 0; i < ruleSet.Rules.Length; i++)
        {
            var rule = ruleSet.Rules[i];
            for (var j = 0; j < rule.Steps.Length; j++)
            {
                yield return (JsonPath.Root.Property("rules").Index(i).Property("steps").Index(j), rule.Steps[j], rule.Name);
            }
        }

        foreach (var goTo in GoTos(ruleSet))
        {
            yield return goTo;
        }
    }

    /// <summary>
    /// The routes of enabled rules: a disabled rule is left out of the compiled rule set, so it never routes.
    /// </summary>
    public static IEnumerable<(string From, string To)> Edges(ProcessDefinition process, RuleSetDefinition ruleSet) =>
        RuleEdges(process, ruleSet).Where(e => !e.Rule.Disabled).Select(e => (e.From, e.To));

    /// <summary>
    /// Every route a rule names, disabled or not, with its rule. Steps a rule can route from: those it names in
    /// 'steps', or any step that waits for people or systems.
    /// </summary>
    public static IEnumerable<(string From, string To, RuleDefinition Rule)> RuleEdges(ProcessDefinition process, RuleSetDefinition ruleSet)
    {
        foreach (var rule in ruleSet.Rules)
        {
            var sources = rule.Steps.IsDefaultOrEmpty
                ? process.Steps.Where(s => s.ParsedType() is not (StepType.End or StepType.ParallelSplit)).Select(s => s.Key)
                : rule.Steps;
            foreach (var action in rule.Then.Where(a => a is { Type: ActionTypes.GoTo, Step: not null }))
            {
                foreach (var source in sources)
                {
                    yield return (source, action.Step!, rule);
                }
            }
        }
    }
}
